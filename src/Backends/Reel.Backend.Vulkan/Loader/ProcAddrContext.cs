using System;
using System.Text;
using Silk.NET.Core.Contexts;
using Silk.NET.Core.Loader;

namespace Reel.Vulkan.Loader;

/// <summary>
/// Where Silk.NET's <c>Vk</c> and extension classes find their entry points: each name is
/// resolved through a vkGetInstanceProcAddr (global commands, or an instance's) or a
/// vkGetDeviceProcAddr (a device's; the vkGetPhysicalDevice* commands that device extension
/// classes such as KhrVideoQueue carry go to the instance, as Vulkan requires). Reel never lets Silk.NET open a library itself: its path
/// resolver is not single-file safe, and a host that loads Vulkan its own way (or through a
/// layer of its own) must be dispatched through its own loader. Commands promoted to core
/// after the version a device runs at resolve to their KHR names (<see cref="PromotedCommands"/>).
/// Silk.NET caches each address once resolved.
/// </summary>
internal sealed unsafe class ProcAddrContext : INativeContext
{
    /// <summary>PFN_vkGetInstanceProcAddr or PFN_vkGetDeviceProcAddr: (dispatchable handle, name) -> PFN_vkVoidFunction.</summary>
    private readonly delegate* unmanaged<nint, byte*, nint> _getProcAddr;
    private readonly nint _owner;
    private readonly uint _apiVersion;
    private readonly ProcAddrContext? _fallback;

    /// <summary>Commands dispatched on a VkPhysicalDevice: vkGetDeviceProcAddr never returns them.</summary>
    private const string PhysicalDevicePrefix = "vkGetPhysicalDevice";

    private ProcAddrContext(nint getProcAddr, nint owner, uint apiVersion, ProcAddrContext? fallback)
    {
        _getProcAddr = (delegate* unmanaged<nint, byte*, nint>)getProcAddr;
        _owner = owner;
        _apiVersion = apiVersion;
        _fallback = fallback;
    }

    /// <summary>Global commands (vkCreateInstance, vkEnumerateInstance*): vkGetInstanceProcAddr(NULL, name).</summary>
    public static ProcAddrContext ForGlobal(nint getInstanceProcAddr) => new(getInstanceProcAddr, 0, 0, null);

    /// <summary>The commands of <paramref name="instance"/> and its physical devices: vkGetInstanceProcAddr(instance, name).</summary>
    public static ProcAddrContext ForInstance(nint getInstanceProcAddr, VkInstance instance, uint apiVersion) =>
        new(getInstanceProcAddr, instance.Handle, apiVersion, null);

    /// <summary>The commands of <paramref name="device"/> through vkGetDeviceProcAddr; physical-device commands through <paramref name="instance"/>.</summary>
    public static ProcAddrContext ForDevice(nint getDeviceProcAddr, VkDevice device, uint apiVersion, ProcAddrContext instance) =>
        new(getDeviceProcAddr, device.Handle, apiVersion, instance);

    /// <inheritdoc/>
    public nint GetProcAddress(string proc, int? slot = null) =>
        TryGetProcAddress(proc, out nint address, slot) ? address : throw new SymbolLoadingException(proc);

    /// <inheritdoc/>
    public bool TryGetProcAddress(string proc, out nint address, int? slot = null)
    {
        if (_fallback is not null && proc.StartsWith(PhysicalDevicePrefix, StringComparison.Ordinal))
            return _fallback.TryGetProcAddress(proc, out address, slot);
        address = Resolve(PromotedCommands.NameAt(proc, _apiVersion));
        return address != 0;
    }

    /// <summary>Whether the loader or driver provides <paramref name="name"/> in this scope.</summary>
    public bool Has(string name) => TryGetProcAddress(name, out _);

    /// <summary>Nothing to release: the loader library stays open for the life of the process.</summary>
    public void Dispose()
    {
    }

    private nint Resolve(string name)
    {
        int length = Encoding.UTF8.GetByteCount(name);
        Span<byte> text = length < 256 ? stackalloc byte[length + 1] : new byte[length + 1];
        Encoding.UTF8.GetBytes(name, text);
        text[length] = 0;
        fixed (byte* p = text)
            return _getProcAddr(_owner, p);
    }
}
