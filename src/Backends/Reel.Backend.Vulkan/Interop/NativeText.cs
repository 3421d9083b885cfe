using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Reel.Vulkan.Interop;

/// <summary>UTF-8 text Vulkan hands back: fixed char arrays (extension and device names) and C strings.</summary>
internal static unsafe class NativeText
{
    /// <summary>The NUL-terminated text in a char[<paramref name="capacity"/>] member; the whole array if it has no NUL.</summary>
    public static string FromFixed(byte* text, int capacity)
    {
        var span = new ReadOnlySpan<byte>(text, capacity);
        int end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>A C string, or "" for NULL.</summary>
    public static string FromPointer(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? "";
}
