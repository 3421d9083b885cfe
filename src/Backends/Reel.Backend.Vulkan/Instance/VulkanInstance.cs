using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Instance;

/// <summary>
/// A VkInstance Reel works with: one it created (headless: no surface extensions, optional
/// validation layer with a debug messenger and synchronization validation), or one a host
/// created and hands over, which Reel never destroys. Holds the instance-level entry points,
/// loaded for the instance's API version and enabled extensions.
/// </summary>
public sealed unsafe class VulkanInstance : IDisposable
{
    /// <summary>The Khronos validation layer.</summary>
    public const string ValidationLayerName = "VK_LAYER_KHRONOS_validation";

    private readonly VkInstanceCommands _commands;
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
        var missing = new List<string>();
        var commands = new VkInstanceCommands();
        commands.Load((delegate* unmanaged<VkInstance, byte*, delegate* unmanaged<void>>)loader.GetInstanceProcAddr, handle, apiVersion, extensions, missing);
        _commands = commands;
        MissingCommands = missing;
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

    /// <summary>Instance-level entry points that are null (not enabled, or not provided).</summary>
    public IReadOnlyList<string> MissingCommands { get; }

    /// <summary>Where Reel reports what it creates.</summary>
    public Logger Log { get; }

    /// <summary>The instance-level entry points.</summary>
    internal ref readonly VkInstanceCommands Commands => ref _commands;

    /// <summary>Creates a headless instance as <paramref name="options"/> says.</summary>
    public static ReelResult Create(VulkanLoader loader, VulkanInstanceOptions options, string function, out VulkanInstance? instance)
    {
        instance = null;
        if (VulkanVersion.WithoutPatch(options.ApiVersion) < VkConstants.VK_API_VERSION_1_1)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: options.ApiVersion is {VulkanVersion.Format(options.ApiVersion)}; Reel needs at least Vulkan 1.1");
        if (VulkanVersion.WithoutPatch(loader.InstanceVersion) < VkConstants.VK_API_VERSION_1_1)
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
            result = messenger.Create(handle, created.Commands, function);
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
        if (handle.IsNull)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the instance to adopt is VK_NULL_HANDLE");
        if (VulkanVersion.WithoutPatch(apiVersion) < VkConstants.VK_API_VERSION_1_1)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the instance's api version is {VulkanVersion.Format(apiVersion)}; Reel needs at least Vulkan 1.1");
        var extensions = enabledExtensions.ToHashSet(StringComparer.Ordinal);
        if (captureInto is not null && !extensions.Contains(VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: validation capture was requested but the host's instance does not list {VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME} as enabled");
        uint version = Math.Min(VulkanVersion.WithoutPatch(apiVersion), VulkanVersion.WithoutPatch(loader.InstanceVersion));
        DebugMessenger? messenger = captureInto is null ? null : new DebugMessenger(captureInto);
        var adopted = new VulkanInstance(loader, handle, version, extensions, [], owned: false, messenger, log ?? Logger.Silent);
        if (messenger is not null)
        {
            ReelResult result = messenger.Create(handle, adopted.Commands, function);
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
    public ReelResult EnumeratePhysicalDevices(string function, out IReadOnlyList<VkPhysicalDevice> devices)
    {
        devices = [];
        VkResult result;
        VkPhysicalDevice[] handles;
        do
        {
            uint count = 0;
            result = _commands.vkEnumeratePhysicalDevices(Handle, &count, null);
            if (result != VkResult.VK_SUCCESS)
                return VulkanCall.Check(result, function, "vkEnumeratePhysicalDevices");
            handles = new VkPhysicalDevice[count];
            fixed (VkPhysicalDevice* p = handles)
                result = _commands.vkEnumeratePhysicalDevices(Handle, &count, p);
            if (result == VkResult.VK_SUCCESS)
                Array.Resize(ref handles, (int)count);
        }
        while (result == VkResult.VK_INCOMPLETE);
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
            _commands.vkDestroyInstance(Handle, null);
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

        if (!available.Contains(VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: validation was requested but {VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME} is not available to capture its messages");
        extensions.Add(VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
        if (options.SynchronizationValidation)
        {
            if (!available.Contains(VkConstants.VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME))
                return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: synchronization validation was requested but {ValidationLayerName} does not provide {VkConstants.VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME}");
            extensions.Add(VkConstants.VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME);
        }
        if (layerExtensions.Any(e => e.Name == VkConstants.VK_EXT_LAYER_SETTINGS_EXTENSION_NAME))
        {
            extensions.Add(VkConstants.VK_EXT_LAYER_SETTINGS_EXTENSION_NAME);
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
        handle = VkInstance.NULL;
        using var names = new Utf8StringList([options.ApplicationName, "reel"]);
        using var layerNames = new Utf8StringList(layers);
        using var extensionNames = new Utf8StringList(extensions);
        using var settingNames = new Utf8StringList([ValidationLayerName, "duplicate_message_limit"]);

        void* next = null;
        uint limit = options.DuplicateMessageLimit;
        VkLayerSettingEXT setting = new()
        {
            pLayerName = settingNames.Pointers[0],
            pSettingName = settingNames.Pointers[1],
            type = VkLayerSettingTypeEXT.VK_LAYER_SETTING_TYPE_UINT32_EXT,
            valueCount = 1,
            pValues = &limit,
        };
        VkLayerSettingsCreateInfoEXT settings = new()
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_LAYER_SETTINGS_CREATE_INFO_EXT,
            settingCount = 1,
            pSettings = &setting,
        };
        if (layerSettings)
        {
            settings.pNext = next;
            next = &settings;
        }
        VkValidationFeatureEnableEXT synchronization = VkValidationFeatureEnableEXT.VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
        VkValidationFeaturesEXT features = new()
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT,
            enabledValidationFeatureCount = 1,
            pEnabledValidationFeatures = &synchronization,
        };
        if (options.Validation && options.SynchronizationValidation)
        {
            features.pNext = next;
            next = &features;
        }
        VkDebugUtilsMessengerCreateInfoEXT messengerInfo = messenger is null ? default : messenger.CreateInfo(next);
        if (messenger is not null)
            next = &messengerInfo;

        VkApplicationInfo application = new()
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_APPLICATION_INFO,
            pApplicationName = names.Pointers[0],
            applicationVersion = 0,
            pEngineName = names.Pointers[1],
            engineVersion = ReelVersion.Packed,
            apiVersion = apiVersion,
        };
        VkInstanceCreateInfo info = new()
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
            pNext = next,
            pApplicationInfo = &application,
            enabledLayerCount = layerNames.Count,
            ppEnabledLayerNames = layerNames.Pointers,
            enabledExtensionCount = extensionNames.Count,
            ppEnabledExtensionNames = extensionNames.Pointers,
        };
        VkInstance created;
        ReelResult result = VulkanCall.Check(loader.Global.vkCreateInstance(&info, null, &created), function, "vkCreateInstance");
        if (result == ReelResult.Success)
            handle = created;
        return result;
    }
}
