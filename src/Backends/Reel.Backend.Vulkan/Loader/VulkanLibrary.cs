using System.Runtime.InteropServices;
using System.Threading;

namespace Reel.Vulkan.Loader;

/// <summary>
/// The system Vulkan loader, libvulkan.so.1 (or the library REEL_VULKAN_LIBRARY names), opened
/// on first use with NativeLibrary.TryLoad (never at libreel load time, so a machine without
/// Vulkan still loads libreel). The outcome is remembered for the life of the process; the
/// library is never closed.
/// </summary>
internal static class VulkanLibrary
{
    /// <summary>The SONAME of the Khronos loader on Linux.</summary>
    public const string SystemLibraryName = "libvulkan.so.1";

    /// <summary>Environment variable naming another loader library to open instead (read from the native environment, once).</summary>
    public const string OverrideVariable = "REEL_VULKAN_LIBRARY";

    private static string? s_name;

    /// <summary>The library the system loader is opened from: <see cref="OverrideVariable"/> when set, else libvulkan.so.1.</summary>
    public static string ConfiguredName
    {
        get
        {
            lock (s_lock)
                return s_name ??= Validation.LayerEnvironment.GetNative(OverrideVariable) is { Length: > 0 } name ? name : SystemLibraryName;
        }
    }

    private static readonly Lock s_lock = new();

    /// <summary>Whether the system library has been tried; guarded by s_lock.</summary>
    private static bool s_attempted;

    private static nint s_getInstanceProcAddr;

    private static string s_failure = "";

    /// <summary>vkGetInstanceProcAddr of libvulkan.so.1, or false and the reason the backend is unavailable.</summary>
    public static bool TryGetSystemEntryPoint(out nint getInstanceProcAddr, out string failure)
    {
        lock (s_lock)
        {
            if (!s_attempted)
            {
                TryOpen(ConfiguredName, out s_getInstanceProcAddr, out s_failure);
                s_attempted = true;
            }
            getInstanceProcAddr = s_getInstanceProcAddr;
            failure = s_failure;
            return getInstanceProcAddr != 0;
        }
    }

    /// <summary>Opens <paramref name="name"/> (uncached) and finds its vkGetInstanceProcAddr export.</summary>
    public static bool TryOpen(string name, out nint getInstanceProcAddr, out string failure)
    {
        getInstanceProcAddr = 0;
        if (!NativeLibrary.TryLoad(name, out nint library))
        {
            failure = $"{name} could not be loaded (not installed or not on the library search path; Debian package libvulkan1)";
            return false;
        }
        if (!NativeLibrary.TryGetExport(library, "vkGetInstanceProcAddr", out getInstanceProcAddr))
        {
            failure = $"{name} was loaded but exports no vkGetInstanceProcAddr; it is not a Vulkan loader";
            return false;
        }
        failure = "";
        return true;
    }
}
