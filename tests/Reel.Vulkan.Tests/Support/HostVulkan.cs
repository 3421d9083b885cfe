using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// What a game engine has before it hands Vulkan to Reel: its own VkInstance (validation layer,
/// debug utils, sync validation), VkPhysicalDevice, VkDevice (timeline semaphores and
/// synchronization2 on) and a queue, all made with the raw generated calls and tables, not
/// through Reel's instance or device code. Its messenger records into the test's log until
/// the instance is gone, so leaks and use-after-destroy of Reel's work show up.
/// </summary>
internal sealed unsafe class HostVulkan : IDisposable
{
    public static readonly string[] InstanceExtensions = [ExtensionNames.ExtDebugUtils, ExtensionNames.ExtValidationFeatures];

    private readonly DebugMessenger _messenger;
    private VkInstanceCommands _instanceCommands;
    private VkDeviceCommands _deviceCommands;
    private DebugUtilsMessengerEXT _messengerHandle;

    public VkInstance Instance;
    public PhysicalDevice PhysicalDevice;
    public VkDevice Device;
    public Queue Queue;
    public uint QueueFamily;
    public uint ApiVersion;

    public HostVulkan(VulkanLoader loader, ValidationLog log)
    {
        _messenger = new DebugMessenger(log);
        ApiVersion = Math.Min(VulkanVersion.WithoutPatch(loader.InstanceVersion), VulkanVersion.V1_3);
        CreateInstance(loader);
        CreateDevice();
    }

    public ref VkInstanceCommands InstanceCommands => ref _instanceCommands;

    public ref VkDeviceCommands DeviceCommands => ref _deviceCommands;

    private void CreateInstance(VulkanLoader loader)
    {
        using var layers = new Utf8Text("VK_LAYER_KHRONOS_validation");
        using var extensions = new Utf8Text(InstanceExtensions);
        byte** layerNames = stackalloc byte*[1] { layers[0] };
        byte** extensionNames = stackalloc byte*[2] { extensions[0], extensions[1] };
        var enable = ValidationFeatureEnableEXT.SynchronizationValidationExt;
        var features = new ValidationFeaturesEXT
        {
            SType = StructureType.ValidationFeaturesExt,
            EnabledValidationFeatureCount = 1,
            PEnabledValidationFeatures = &enable,
        };
        DebugUtilsMessengerCreateInfoEXT messengerInfo = _messenger.CreateInfo(&features);
        var application = new ApplicationInfo { SType = StructureType.ApplicationInfo, ApiVersion = ApiVersion };
        var info = new InstanceCreateInfo
        {
            SType = StructureType.InstanceCreateInfo,
            PNext = &messengerInfo,
            PApplicationInfo = &application,
            EnabledLayerCount = 1,
            PpEnabledLayerNames = layerNames,
            EnabledExtensionCount = 2,
            PpEnabledExtensionNames = extensionNames,
        };
        VkInstance instance;
        DeviceWork.Check(loader.Global.vkCreateInstance(&info, null, &instance), "vkCreateInstance");
        Instance = instance;
        var missing = new List<string>();
        _instanceCommands.Load((delegate* unmanaged<VkInstance, byte*, delegate* unmanaged<void>>)loader.GetInstanceProcAddr,
            instance, ApiVersion, new HashSet<string>(InstanceExtensions), missing);
        DebugUtilsMessengerCreateInfoEXT persistent = _messenger.CreateInfo(null);
        DebugUtilsMessengerEXT messenger;
        DeviceWork.Check(_instanceVk.CreateDebugUtilsMessengerEXT(instance, &persistent, null, &messenger), "vkCreateDebugUtilsMessengerEXT");
        _messengerHandle = messenger;
    }

    private void CreateDevice()
    {
        uint count = 1;
        PhysicalDevice physical;
        Result enumerated = _instanceVk.EnumeratePhysicalDevices(Instance, &count, &physical);
        Assert.That(enumerated is Result.Success or Result.Incomplete && count == 1, Is.True, "the host needs a physical device");
        PhysicalDevice = physical;

        uint families = 0;
        _instanceVk.GetPhysicalDeviceQueueFamilyProperties2(physical, &families, null);
        var properties = new QueueFamilyProperties2[families];
        for (int i = 0; i < families; i++)
            properties[i].SType = StructureType.QueueFamilyProperties2;
        fixed (QueueFamilyProperties2* p = properties)
            _instanceVk.GetPhysicalDeviceQueueFamilyProperties2(physical, &families, p);
        QueueFamily = (uint)Array.FindIndex(properties, p => (p.QueueFamilyProperties.QueueFlags & QueueFlags.GraphicsBit) != 0);

        float priority = 1;
        var queueInfo = new DeviceQueueCreateInfo
        {
            SType = StructureType.DeviceQueueCreateInfo,
            QueueFamilyIndex = QueueFamily,
            QueueCount = 1,
            PQueuePriorities = &priority,
        };
        var sync2 = new PhysicalDeviceSynchronization2Features { SType = StructureType.PhysicalDeviceSynchronization2Features, Synchronization2 = 1 };
        var timeline = new PhysicalDeviceTimelineSemaphoreFeatures { SType = StructureType.PhysicalDeviceTimelineSemaphoreFeatures, PNext = &sync2, TimelineSemaphore = 1 };
        var features = new PhysicalDeviceFeatures2 { SType = StructureType.PhysicalDeviceFeatures2, PNext = &timeline };
        var info = new DeviceCreateInfo
        {
            SType = StructureType.DeviceCreateInfo,
            PNext = &features,
            QueueCreateInfoCount = 1,
            PQueueCreateInfos = &queueInfo,
        };
        VkDevice device;
        DeviceWork.Check(_instanceVk.CreateDevice(physical, &info, null, &device), "vkCreateDevice");
        Device = device;
        var missing = new List<string>();
        _deviceCommands.Load(_instanceCommands.vkGetDeviceProcAddr, device, ApiVersion, new HashSet<string>(), missing);
        var queueRequest = new DeviceQueueInfo2 { SType = StructureType.DeviceQueueInfo2, QueueFamilyIndex = QueueFamily };
        Queue queue;
        _deviceVk.GetDeviceQueue2(device, &queueRequest, &queue);
        Queue = queue;
    }

    /// <summary>The host shutting down: device, messenger, instance, in that order.</summary>
    public void Dispose()
    {
        if (Device.Handle != 0)
            _deviceVk.DestroyDevice(Device, null);
        Device = default;
        if (_messengerHandle.Handle != 0)
            _instanceVk.DestroyDebugUtilsMessengerEXT(Instance, _messengerHandle, null);
        _messengerHandle = default;
        if (Instance.Handle != 0)
            _instanceVk.DestroyInstance(Instance, null);
        Instance = default;
        _messenger.Dispose();
    }
}
