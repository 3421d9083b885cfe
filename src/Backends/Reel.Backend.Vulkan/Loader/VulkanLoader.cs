using System.Collections.Generic;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Loader;

/// <summary>
/// Where Vulkan entry points come from: the system loader (libvulkan.so.1, opened lazily) or
/// a vkGetInstanceProcAddr the host hands over (an engine that loads Vulkan its own way, or
/// through a layer of its own). Holds the global entry points and answers the instance-level
/// questions asked before an instance exists: version, extensions, layers.
/// </summary>
public sealed unsafe class VulkanLoader
{
    private readonly VkGlobalCommands _global;

    private VulkanLoader(nint getInstanceProcAddr, string source, VkGlobalCommands global, IReadOnlyList<string> missing)
    {
        GetInstanceProcAddr = getInstanceProcAddr;
        Source = source;
        _global = global;
        MissingCommands = missing;
        uint version = VkConstants.VK_API_VERSION_1_0;
        // vkEnumerateInstanceVersion is absent from 1.0 loaders, which then mean 1.0.
        if (global.vkEnumerateInstanceVersion != null && global.vkEnumerateInstanceVersion(&version) != VkResult.VK_SUCCESS)
            version = VkConstants.VK_API_VERSION_1_0;
        InstanceVersion = version;
    }

    /// <summary>The vkGetInstanceProcAddr everything else is loaded through.</summary>
    public nint GetInstanceProcAddr { get; }

    /// <summary>"libvulkan.so.1" or "host vkGetInstanceProcAddr".</summary>
    public string Source { get; }

    /// <summary>The highest instance API version the loader supports (vkEnumerateInstanceVersion).</summary>
    public uint InstanceVersion { get; }

    /// <summary>Global entry points the loader did not provide.</summary>
    public IReadOnlyList<string> MissingCommands { get; }

    /// <summary>The global entry points.</summary>
    internal ref readonly VkGlobalCommands Global => ref _global;

    /// <summary>
    /// The system loader. ErrorUnsupported, with the reason in the last error, when
    /// libvulkan.so.1 is missing: the Vulkan backend is then unavailable, nothing else fails.
    /// </summary>
    public static ReelResult TryLoadSystem(string function, out VulkanLoader? loader)
    {
        loader = null;
        if (!VulkanLibrary.TryGetSystemEntryPoint(out nint getInstanceProcAddr, out string failure))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the Vulkan backend is unavailable: {failure}");
        return Create(getInstanceProcAddr, VulkanLibrary.ConfiguredName, function, out loader);
    }

    /// <summary>A loader opened from <paramref name="libraryName"/> instead of the system one (tests, alternative loaders).</summary>
    internal static ReelResult TryLoadLibrary(string libraryName, string function, out VulkanLoader? loader)
    {
        loader = null;
        if (!VulkanLibrary.TryOpen(libraryName, out nint getInstanceProcAddr, out string failure))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the Vulkan backend is unavailable: {failure}");
        return Create(getInstanceProcAddr, libraryName, function, out loader);
    }

    /// <summary>A loader over the host's vkGetInstanceProcAddr (PFN_vkGetInstanceProcAddr as an address).</summary>
    public static ReelResult FromHost(nint vkGetInstanceProcAddr, string function, out VulkanLoader? loader)
    {
        loader = null;
        if (vkGetInstanceProcAddr == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: vkGetInstanceProcAddr is NULL; pass the host's PFN_vkGetInstanceProcAddr or use the system loader");
        return Create(vkGetInstanceProcAddr, "host vkGetInstanceProcAddr", function, out loader);
    }

    private static ReelResult Create(nint getInstanceProcAddr, string source, string function, out VulkanLoader? loader)
    {
        loader = null;
        var global = new VkGlobalCommands();
        var missing = new List<string>();
        global.Load((delegate* unmanaged<VkInstance, byte*, delegate* unmanaged<void>>)getInstanceProcAddr, missing);
        if (global.vkCreateInstance == null || global.vkEnumerateInstanceExtensionProperties == null || global.vkEnumerateInstanceLayerProperties == null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {source} provides no {string.Join(", ", missing)}; it is not a usable Vulkan loader");
        loader = new VulkanLoader(getInstanceProcAddr, source, global, missing);
        return ReelResult.Success;
    }

    /// <summary>The instance extensions of the loader and drivers, or of the layer <paramref name="layerName"/>.</summary>
    public ReelResult EnumerateInstanceExtensions(string? layerName, string function, out IReadOnlyList<VulkanExtension> extensions)
    {
        extensions = [];
        using var layer = new Utf8StringList(layerName is null ? [] : [layerName]);
        VkResult result;
        var list = new List<VulkanExtension>();
        do
        {
            uint count = 0;
            result = _global.vkEnumerateInstanceExtensionProperties(layer.First, &count, null);
            if (result != VkResult.VK_SUCCESS)
                break;
            var properties = new VkExtensionProperties[count];
            fixed (VkExtensionProperties* p = properties)
                result = _global.vkEnumerateInstanceExtensionProperties(layer.First, &count, p);
            list.Clear();
            for (int i = 0; i < count && result is VkResult.VK_SUCCESS; i++)
            {
                fixed (VkExtensionProperties* p = &properties[i])
                    list.Add(new VulkanExtension(NativeText.FromFixed(p->extensionName, (int)VkConstants.VK_MAX_EXTENSION_NAME_SIZE), p->specVersion));
            }
        }
        while (result == VkResult.VK_INCOMPLETE); // the set grew between the two calls
        extensions = list;
        return VulkanCall.Check(result, function, layerName is null ? "vkEnumerateInstanceExtensionProperties" : $"vkEnumerateInstanceExtensionProperties({layerName})");
    }

    /// <summary>The instance layers installed (name and implementation version).</summary>
    public ReelResult EnumerateInstanceLayers(string function, out IReadOnlyList<VulkanExtension> layers)
    {
        layers = [];
        VkResult result;
        var list = new List<VulkanExtension>();
        do
        {
            uint count = 0;
            result = _global.vkEnumerateInstanceLayerProperties(&count, null);
            if (result != VkResult.VK_SUCCESS)
                break;
            var properties = new VkLayerProperties[count];
            fixed (VkLayerProperties* p = properties)
                result = _global.vkEnumerateInstanceLayerProperties(&count, p);
            list.Clear();
            for (int i = 0; i < count && result is VkResult.VK_SUCCESS; i++)
            {
                fixed (VkLayerProperties* p = &properties[i])
                    list.Add(new VulkanExtension(NativeText.FromFixed(p->layerName, (int)VkConstants.VK_MAX_EXTENSION_NAME_SIZE), p->implementationVersion));
            }
        }
        while (result == VkResult.VK_INCOMPLETE);
        layers = list;
        return VulkanCall.Check(result, function, "vkEnumerateInstanceLayerProperties");
    }
}
