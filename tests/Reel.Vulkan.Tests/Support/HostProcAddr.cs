using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// The host's own Vulkan loader, as an engine that loads Vulkan its own way would hand it to
/// Reel: libvulkan.so.1 opened by the test with NativeLibrary (not through Reel's loader), its
/// vkGetInstanceProcAddr and vkGetDeviceProcAddr behind shims that count every lookup. An
/// adopted device given <see cref="GetInstanceProcAddr"/> must resolve everything it calls
/// through these shims: the counts rise only when Reel dispatches through the host's loader.
/// </summary>
internal static unsafe class HostProcAddr
{
    private static readonly delegate* unmanaged<nint, byte*, nint> s_instanceProcAddr;
    private static readonly delegate* unmanaged<nint, byte*, nint> s_deviceProcAddr;
    private static long s_instanceLookups;
    private static long s_deviceLookups;
    private static string s_lastDeviceLookup = "";

    static HostProcAddr()
    {
        nint library = NativeLibrary.Load("libvulkan.so.1");
        s_instanceProcAddr = (delegate* unmanaged<nint, byte*, nint>)NativeLibrary.GetExport(library, "vkGetInstanceProcAddr");
        s_deviceProcAddr = (delegate* unmanaged<nint, byte*, nint>)NativeLibrary.GetExport(library, "vkGetDeviceProcAddr");
    }

    /// <summary>The host's PFN_vkGetInstanceProcAddr (the counting shim).</summary>
    public static nint GetInstanceProcAddr => (nint)(delegate* unmanaged<nint, byte*, nint>)&InstanceProcAddr;

    /// <summary>Lookups through the instance shim so far.</summary>
    public static long InstanceLookups => Interlocked.Read(ref s_instanceLookups);

    /// <summary>Lookups through the device shim so far.</summary>
    public static long DeviceLookups => Interlocked.Read(ref s_deviceLookups);

    /// <summary>The name the device shim was last asked for.</summary>
    public static string LastDeviceLookup => Volatile.Read(ref s_lastDeviceLookup);

    /// <summary>Resolves <paramref name="name"/> through the shim, as the host does for its own calls.</summary>
    public static nint Resolve(nint instance, string name)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = text)
            return ((delegate* unmanaged<nint, byte*, nint>)&InstanceProcAddr)(instance, p);
    }

    [UnmanagedCallersOnly]
    private static nint InstanceProcAddr(nint instance, byte* name)
    {
        Interlocked.Increment(ref s_instanceLookups);
        // vkGetDeviceProcAddr is handed out as the host's shim too, as a loader layer would.
        if (Is(name, "vkGetDeviceProcAddr"u8))
            return (nint)(delegate* unmanaged<nint, byte*, nint>)&DeviceProcAddr;
        return s_instanceProcAddr(instance, name);
    }

    [UnmanagedCallersOnly]
    private static nint DeviceProcAddr(nint device, byte* name)
    {
        Interlocked.Increment(ref s_deviceLookups);
        Volatile.Write(ref s_lastDeviceLookup, Marshal.PtrToStringUTF8((nint)name) ?? "");
        if (Is(name, "vkGetDeviceProcAddr"u8))
            return (nint)(delegate* unmanaged<nint, byte*, nint>)&DeviceProcAddr;
        return s_deviceProcAddr(device, name);
    }

    private static bool Is(byte* name, ReadOnlySpan<byte> expected) =>
        MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name).SequenceEqual(expected);
}
