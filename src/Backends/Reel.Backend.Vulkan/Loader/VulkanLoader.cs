using System.Collections.Generic;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Loader;

/// <summary>
/// Where Vulkan entry points come from: the system loader (libvulkan.so.1, opened lazily) or
/// a vkGetInstanceProcAddr the host hands over (an engine that loads Vulkan its own way, or
/// through a layer of its own). Holds Silk.NET's <c>Vk</c> for the global commands and answers
/// the instance-level questions asked before an instance exists: version, extensions, layers.
/// </summary>
public sealed unsafe class VulkanLoader
{
    /// <summary>The global commands Reel cannot work without.</summary>
    private static readonly string[] s_required = ["vkCreateInstance", "vkEnumerateInstanceExtensionProperties", "vkEnumerateInstanceLayerProperties"];

    private VulkanLoader(nint getInstanceProcAddr, string source, ProcAddrContext context, IReadOnlyList<string> missing)
    {
        GetInstanceProcAddr = getInstanceProcAddr;
        Source = source;
        Vk = new Vk(context);
        MissingCommands = missing;
        uint version = VulkanVersion.V1_0;
        // vkEnumerateInstanceVersion is absent from 1.0 loaders, which then mean 1.0.
        if (context.Has("vkEnumerateInstanceVersion") && Vk.EnumerateInstanceVersion(&version) != Result.Success)
            version = VulkanVersion.V1_0;
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

    /// <summary>The global commands (vkCreateInstance, vkEnumerateInstance*); resolved with no instance.</summary>
    internal Vk Vk { get; }

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
        var context = ProcAddrContext.ForGlobal(getInstanceProcAddr);
        var missing = new List<string>();
        foreach (string name in s_required)
        {
            if (!context.Has(name))
                missing.Add(name);
        }
        if (missing.Count > 0)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {source} provides no {string.Join(", ", missing)}; it is not a usable Vulkan loader");
        if (!context.Has("vkEnumerateInstanceVersion"))
            missing.Add("vkEnumerateInstanceVersion");
        loader = new VulkanLoader(getInstanceProcAddr, source, context, missing);
        return ReelResult.Success;
    }

    /// <summary>The instance extensions of the loader and drivers, or of the layer <paramref name="layerName"/>.</summary>
    public ReelResult EnumerateInstanceExtensions(string? layerName, string function, out IReadOnlyList<VulkanExtension> extensions)
    {
        extensions = [];
        using var layer = new Utf8StringList(layerName is null ? [] : [layerName]);
        Result result;
        var list = new List<VulkanExtension>();
        do
        {
            uint count = 0;
            result = Vk.EnumerateInstanceExtensionProperties(layer.First, &count, null);
            if (result != Result.Success)
                break;
            var properties = new ExtensionProperties[count];
            fixed (ExtensionProperties* p = properties)
                result = Vk.EnumerateInstanceExtensionProperties(layer.First, &count, p);
            list.Clear();
            for (int i = 0; i < count && result is Result.Success; i++)
            {
                fixed (ExtensionProperties* p = &properties[i])
                    list.Add(new VulkanExtension(NativeText.FromFixed(p->ExtensionName, (int)Vk.MaxExtensionNameSize), p->SpecVersion));
            }
        }
        while (result == Result.Incomplete); // the set grew between the two calls
        extensions = list;
        return VulkanCall.Check(result, function, layerName is null ? "vkEnumerateInstanceExtensionProperties" : $"vkEnumerateInstanceExtensionProperties({layerName})");
    }

    /// <summary>The instance layers installed (name and implementation version).</summary>
    public ReelResult EnumerateInstanceLayers(string function, out IReadOnlyList<VulkanExtension> layers)
    {
        layers = [];
        Result result;
        var list = new List<VulkanExtension>();
        do
        {
            uint count = 0;
            result = Vk.EnumerateInstanceLayerProperties(&count, null);
            if (result != Result.Success)
                break;
            var properties = new LayerProperties[count];
            fixed (LayerProperties* p = properties)
                result = Vk.EnumerateInstanceLayerProperties(&count, p);
            list.Clear();
            for (int i = 0; i < count && result is Result.Success; i++)
            {
                fixed (LayerProperties* p = &properties[i])
                    list.Add(new VulkanExtension(NativeText.FromFixed(p->LayerName, (int)Vk.MaxExtensionNameSize), p->ImplementationVersion));
            }
        }
        while (result == Result.Incomplete);
        layers = list;
        return VulkanCall.Check(result, function, "vkEnumerateInstanceLayerProperties");
    }
}
