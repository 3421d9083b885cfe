using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.EXT;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Instance;

/// <summary>
/// A VkInstance Reel works with: one it created (headless: no surface extensions, optional
/// validation layer with a debug messenger and synchronization validation), or one a host
/// created and hands over, which Reel never destroys. Holds Silk.NET's <c>Vk</c> for the
/// instance-level commands, resolved through the loader's vkGetInstanceProcAddr, and the
/// VK_EXT_debug_utils commands only when that extension is enabled: an extension's entry
/// points are reachable only through an object that exists when the extension does.
/// </summary>
public sealed unsafe class VulkanInstance : IDisposable
{
    /// <summary>The Khronos validation layer.</summary>
    public const string ValidationLayerName = "VK_LAYER_KHRONOS_validation";

    private readonly DebugMessenger? _messenger;
    private bool _disposed;

    private VulkanInstance(VulkanLoader loader, VkInstance handle, uint apiVersion, IReadOnlySet<string> extensions,
        IReadOnlyList<string> layers, bool owned, DebugMessenger? messenger, Logger log)
    {
        Loader = loader;
        Handle = handle;
        ApiVersion = apiVersion;
        EnabledExtensions = extensions;
        EnabledLayers = layers;
        IsOwned = owned;
        _messenger = messenger;
        Log = log;
        Context = ProcAddrContext.ForInstance(loader.GetInstanceProcAddr, handle, apiVersion);
        Vk = new Vk(Context);
        DebugUtils = extensions.Contains(ExtensionNames.ExtDebugUtils) ? new ExtDebugUtils(Context) : null;
    }

    /// <summary>Where the entry points come from.</summary>
    public VulkanLoader Loader { get; }

    /// <summary>The instance.</summary>
    public VkInstance Handle { get; }

    /// <summary>The API version the instance-level entry points were loaded for.</summary>
    public uint ApiVersion { get; }

    /// <summary>The instance extensions enabled (by Reel, or as the host declared).</summary>
    public IReadOnlySet<string> EnabledExtensions { get; }

    /// <summary>The layers Reel enabled (none for an adopted instance).</summary>
    public IReadOnlyList<string> EnabledLayers { get; }

    /// <summary>True when Reel created the instance (and destroys it); false for an adopted one.</summary>
    public bool IsOwned { get; }

    /// <summary>The log the debug messenger records into, when validation capture is on.</summary>
    public ValidationLog? ValidationLog => _messenger?.Log;

    /// <summary>Where Reel reports what it creates.</summary>
    public Logger Log { get; }

    /// <summary>Where the instance's entry points are resolved (vkGetInstanceProcAddr on this instance).</summary>
    internal ProcAddrContext Context { get; }

    /// <summary>The instance and physical-device commands.</summary>
    internal Vk Vk { get; }

    /// <summary>The VK_EXT_debug_utils commands; null unless the extension is enabled on the instance.</summary>
    internal ExtDebugUtils? DebugUtils { get; }

    /// <summary>Creates a headless instance as <paramref name="options"/> says.</summary>
    public static ReelResult Create(VulkanLoader loader, VulkanInstanceOptions options, string function, out VulkanInstance? instance)
    {
        instance = null;
        if (VulkanVersion.WithoutPatch(options.ApiVersion) < VulkanVersion.V1_1)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: options.ApiVersion is {VulkanVersion.Format(options.ApiVersion)}; Reel needs at least Vulkan 1.1");
        if (VulkanVersion.WithoutPatch(loader.InstanceVersion) < VulkanVersion.V1_1)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {loader.Source} supports Vulkan {VulkanVersion.Format(loader.InstanceVersion)}; Reel needs at least 1.1");
        uint apiVersion = Math.Min(VulkanVersion.WithoutPatch(options.ApiVersion), VulkanVersion.WithoutPatch(loader.InstanceVersion));

        ReelResult result = loader.EnumerateInstanceExtensions(null, function, out IReadOnlyList<VulkanExtension> available);
        if (result != ReelResult.Success)
            return result;
        var availableNames = available.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var layers = new List<string>();
        var extensions = new List<string>();
        bool layerSettings = false;
        if (options.Validation)
        {
            result = PlanValidation(loader, options, function, availableNames, layers, extensions, out layerSettings);
            if (result != ReelResult.Success)
                return result;
        }
        foreach (string name in options.Extensions)
        {
            if (!availableNames.Contains(name))
                return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: options.Extensions names {name}, which neither the loader nor an enabled layer provides");
            if (!extensions.Contains(name))
                extensions.Add(name);
        }

        DebugMessenger? messenger = options.Validation ? new DebugMessenger(options.ValidationLog ?? new ValidationLog(options.Log)) : null;
        result = CreateHandle(loader, options, apiVersion, layers, extensions, layerSettings, messenger, function, out VkInstance handle);
        if (result != ReelResult.Success)
        {
            messenger?.Dispose();
            return result;
        }
        var created = new VulkanInstance(loader, handle, apiVersion, extensions.ToHashSet(StringComparer.Ordinal), layers, owned: true, messenger, options.Log ?? Logger.Silent);
        if (messenger is not null)
        {
            result = messenger.Create(handle, created.DebugUtils, function);
            if (result != ReelResult.Success)
            {
                created.Dispose();
                return result;
            }
        }
        created.Log.Write(LogLevel.Info, $"vulkan instance created through {loader.Source}: api {VulkanVersion.Format(apiVersion)}, " +
            $"layers [{string.Join(", ", layers)}], extensions [{string.Join(", ", extensions)}]");
        instance = created;
        return ReelResult.Success;
    }

    /// <summary>
    /// Wraps a host's instance. <paramref name="apiVersion"/> is the VkApplicationInfo.apiVersion
    /// the host created it with, <paramref name="enabledExtensions"/> its enabled extensions.
    /// With <paramref name="captureInto"/>, Reel adds a debug messenger of its own (the host must
    /// have enabled VK_EXT_debug_utils) and removes it again on Dispose; the instance itself stays.
    /// </summary>
    public static ReelResult Adopt(VulkanLoader loader, VkInstance handle, uint apiVersion, IReadOnlyCollection<string> enabledExtensions,
        ValidationLog? captureInto, Logger? log, string function, out VulkanInstance? instance)
    {
        instance = null;
        if (handle.Handle == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the instance to adopt is VK_NULL_HANDLE");
        if (VulkanVersion.WithoutPatch(apiVersion) < VulkanVersion.V1_1)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the instance's api version is {VulkanVersion.Format(apiVersion)}; Reel needs at least Vulkan 1.1");
        var extensions = enabledExtensions.ToHashSet(StringComparer.Ordinal);
        if (captureInto is not null && !extensions.Contains(ExtensionNames.ExtDebugUtils))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: validation capture was requested but the host's instance does not list {ExtensionNames.ExtDebugUtils} as enabled");
        uint version = Math.Min(VulkanVersion.WithoutPatch(apiVersion), VulkanVersion.WithoutPatch(loader.InstanceVersion));
        DebugMessenger? messenger = captureInto is null ? null : new DebugMessenger(captureInto);
        var adopted = new VulkanInstance(loader, handle, version, extensions, [], owned: false, messenger, log ?? Logger.Silent);
        if (messenger is not null)
        {
            ReelResult result = messenger.Create(handle, adopted.DebugUtils, function);
            if (result != ReelResult.Success)
            {
                adopted.Dispose();
                return result;
            }
        }
        instance = adopted;
        return ReelResult.Success;
    }

    /// <summary>The physical devices of the instance, in the order Vulkan lists them.</summary>
    public ReelResult EnumeratePhysicalDevices(string function, out IReadOnlyList<PhysicalDevice> devices)
    {
        devices = [];
        Result result;
        PhysicalDevice[] handles;
        do
        {
            uint count = 0;
            result = Vk.EnumeratePhysicalDevices(Handle, &count, null);
            if (result != Result.Success)
                return VulkanCall.Check(result, function, "vkEnumeratePhysicalDevices");
            handles = new PhysicalDevice[count];
            fixed (PhysicalDevice* p = handles)
                result = Vk.EnumeratePhysicalDevices(Handle, &count, p);
            if (result == Result.Success)
                Array.Resize(ref handles, (int)count);
        }
        while (result == Result.Incomplete);
        devices = handles;
        return VulkanCall.Check(result, function, "vkEnumeratePhysicalDevices");
    }

    /// <summary>Removes Reel's messenger and, for an instance Reel created, destroys it. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _messenger?.DestroyMessenger();
        if (IsOwned)
            Vk.DestroyInstance(Handle, null);
        // After vkDestroyInstance: the layer calls the messenger chained at creation until then.
        _messenger?.Dispose();
    }

    /// <summary>Adds the validation layer and the extensions it needs; checks everything is installed.</summary>
    private static ReelResult PlanValidation(VulkanLoader loader, VulkanInstanceOptions options, string function,
        HashSet<string> available, List<string> layers, List<string> extensions, out bool layerSettings)
    {
        layerSettings = false;
        ReelResult result = loader.EnumerateInstanceLayers(function, out IReadOnlyList<VulkanExtension> installed);
        if (result != ReelResult.Success)
            return result;
        if (!installed.Any(l => l.Name == ValidationLayerName))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: validation was requested but {ValidationLayerName} is not installed (Debian package vulkan-validationlayers)");
        layers.Add(ValidationLayerName);
        result = loader.EnumerateInstanceExtensions(ValidationLayerName, function, out IReadOnlyList<VulkanExtension> layerExtensions);
        if (result != ReelResult.Success)
            return result;
        available.UnionWith(layerExtensions.Select(e => e.Name));

        if (!available.Contains(ExtensionNames.ExtDebugUtils))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: validation was requested but {ExtensionNames.ExtDebugUtils} is not available to capture its messages");
        extensions.Add(ExtensionNames.ExtDebugUtils);
        if (options.SynchronizationValidation)
        {
            if (!available.Contains(ExtensionNames.ExtValidationFeatures))
                return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: synchronization validation was requested but {ValidationLayerName} does not provide {ExtensionNames.ExtValidationFeatures}");
            extensions.Add(ExtensionNames.ExtValidationFeatures);
        }
        if (layerExtensions.Any(e => e.Name == ExtensionNames.ExtLayerSettings))
        {
            extensions.Add(ExtensionNames.ExtLayerSettings);
            layerSettings = true;
        }
        else
        {
            // An older layer reads its settings from the environment only.
            LayerEnvironment.SetIfUnset(LayerEnvironment.DuplicateMessageLimit, options.DuplicateMessageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return ReelResult.Success;
    }

    private static ReelResult CreateHandle(VulkanLoader loader, VulkanInstanceOptions options, uint apiVersion, List<string> layers,
        List<string> extensions, bool layerSettings, DebugMessenger? messenger, string function, out VkInstance handle)
    {
        handle = default;
        using var names = new Utf8StringList([options.ApplicationName, "reel"]);
        using var layerNames = new Utf8StringList(layers);
        using var extensionNames = new Utf8StringList(extensions);
        using var settingNames = new Utf8StringList([ValidationLayerName, "duplicate_message_limit"]);

        void* next = null;
        uint limit = options.DuplicateMessageLimit;
        LayerSettingEXT setting = new()
        {
            PLayerName = settingNames.Pointers[0],
            PSettingName = settingNames.Pointers[1],
            Type = LayerSettingTypeEXT.Uint32Ext,
            ValueCount = 1,
            PValues = &limit,
        };
        LayerSettingsCreateInfoEXT settings = new()
        {
            SType = StructureType.LayerSettingsCreateInfoExt,
            SettingCount = 1,
            PSettings = &setting,
        };
        if (layerSettings)
        {
            settings.PNext = next;
            next = &settings;
        }
        ValidationFeatureEnableEXT synchronization = ValidationFeatureEnableEXT.SynchronizationValidationExt;
        ValidationFeaturesEXT features = new()
        {
            SType = StructureType.ValidationFeaturesExt,
            EnabledValidationFeatureCount = 1,
            PEnabledValidationFeatures = &synchronization,
        };
        if (options.Validation && options.SynchronizationValidation)
        {
            features.PNext = next;
            next = &features;
        }
        DebugUtilsMessengerCreateInfoEXT messengerInfo = messenger is null ? default : messenger.CreateInfo(next);
        if (messenger is not null)
            next = &messengerInfo;

        ApplicationInfo application = new()
        {
            SType = StructureType.ApplicationInfo,
            PApplicationName = names.Pointers[0],
            ApplicationVersion = 0,
            PEngineName = names.Pointers[1],
            EngineVersion = ReelVersion.Packed,
            ApiVersion = apiVersion,
        };
        InstanceCreateInfo info = new()
        {
            SType = StructureType.InstanceCreateInfo,
            PNext = next,
            PApplicationInfo = &application,
            EnabledLayerCount = layerNames.Count,
            PpEnabledLayerNames = layerNames.Pointers,
            EnabledExtensionCount = extensionNames.Count,
            PpEnabledExtensionNames = extensionNames.Pointers,
        };
        VkInstance created;
        ReelResult result = VulkanCall.Check(loader.Vk.CreateInstance(&info, null, &created), function, "vkCreateInstance");
        if (result == ReelResult.Success)
            handle = created;
        return result;
    }
}
