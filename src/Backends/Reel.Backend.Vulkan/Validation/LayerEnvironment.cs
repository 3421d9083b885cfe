using System.Runtime.InteropServices;
using System.Text;

namespace Reel.Vulkan.Validation;

/// <summary>
/// Validation layers older than VK_EXT_layer_settings (before VVL 1.3.268, e.g. Debian 12's
/// 1.3.239) take their settings from the process environment only. .NET keeps its own copy of
/// the environment, so the layer would not see Environment.SetEnvironmentVariable; libc's
/// setenv is called instead, only when validation is requested, and never over a value the
/// user has set.
/// </summary>
internal static unsafe partial class LayerEnvironment
{
    /// <summary>The layer's environment name for its duplicate message limit (default 10).</summary>
    public const string DuplicateMessageLimit = "VK_LAYER_DUPLICATE_MESSAGE_LIMIT";

    /// <summary>Sets <paramref name="name"/> in the native environment unless it is already set; true if the value now in force is ours.</summary>
    public static bool SetIfUnset(string name, string value)
    {
        if (GetNative(name) is not null)
            return false;
        byte[] nameBytes = Utf8(name);
        byte[] valueBytes = Utf8(value);
        fixed (byte* n = nameBytes)
        fixed (byte* v = valueBytes)
            return SetEnv(n, v, 0) == 0 && GetNative(name) == value;
    }

    /// <summary>The value the native environment (what getenv in the layer sees) holds, or null.</summary>
    public static string? GetNative(string name)
    {
        byte[] nameBytes = Utf8(name);
        fixed (byte* n = nameBytes)
        {
            byte* value = GetEnv(n);
            return value == null ? null : Marshal.PtrToStringUTF8((nint)value);
        }
    }

    private static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv")]
    private static partial int SetEnv(byte* name, byte* value, int overwrite);

    [LibraryImport("libc.so.6", EntryPoint = "getenv")]
    private static partial byte* GetEnv(byte* name);
}
