using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Vulkan.Interop;
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
    public static readonly string[] InstanceExtensions = [VkConstants.VK_EXT_DEBUG_UTILS_EXTENSION_NAME, VkConstants.VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME];

    private readonly DebugMessenger _messenger;
    private VkInstanceCommands _instanceCommands;
    private VkDeviceCommands _deviceCommands;
    private VkDebugUtilsMessengerEXT _messengerHandle;

    public VkInstance Instance;
    public VkPhysicalDevice PhysicalDevice;
    public VkDevice Device;
    public VkQueue Queue;
    public uint QueueFamily;
    public uint ApiVersion;

    public HostVulkan(VulkanLoader loader, ValidationLog log)
    {
        _messenger = new DebugMessenger(log);
        ApiVersion = Math.Min(VulkanVersion.WithoutPatch(loader.InstanceVersion), VkConstants.VK_API_VERSION_1_3);
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
        var enable = VkValidationFeatureEnableEXT.VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
        var features = new VkValidationFeaturesEXT
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT,
            enabledValidationFeatureCount = 1,
            pEnabledValidationFeatures = &enable,
        };
        VkDebugUtilsMessengerCreateInfoEXT messengerInfo = _messenger.CreateInfo(&features);
        var application = new VkApplicationInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_APPLICATION_INFO, apiVersion = ApiVersion };
        var info = new VkInstanceCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
            pNext = &messengerInfo,
            pApplicationInfo = &application,
            enabledLayerCount = 1,
            ppEnabledLayerNames = layerNames,
            enabledExtensionCount = 2,
            ppEnabledExtensionNames = extensionNames,
        };
        VkInstance instance;
        DeviceWork.Check(loader.Global.vkCreateInstance(&info, null, &instance), "vkCreateInstance");
        Instance = instance;
        var missing = new List<string>();
        _instanceCommands.Load((delegate* unmanaged<VkInstance, byte*, delegate* unmanaged<void>>)loader.GetInstanceProcAddr,
            instance, ApiVersion, new HashSet<string>(InstanceExtensions), missing);
        VkDebugUtilsMessengerCreateInfoEXT persistent = _messenger.CreateInfo(null);
        VkDebugUtilsMessengerEXT messenger;
        DeviceWork.Check(_instanceCommands.vkCreateDebugUtilsMessengerEXT(instance, &persistent, null, &messenger), "vkCreateDebugUtilsMessengerEXT");
        _messengerHandle = messenger;
    }

    private void CreateDevice()
    {
        uint count = 1;
        VkPhysicalDevice physical;
        VkResult enumerated = _instanceCommands.vkEnumeratePhysicalDevices(Instance, &count, &physical);
        Assert.That(enumerated is VkResult.VK_SUCCESS or VkResult.VK_INCOMPLETE && count == 1, Is.True, "the host needs a physical device");
        PhysicalDevice = physical;

        uint families = 0;
        _instanceCommands.vkGetPhysicalDeviceQueueFamilyProperties2(physical, &families, null);
        var properties = new VkQueueFamilyProperties2[families];
        for (int i = 0; i < families; i++)
            properties[i].sType = VkStructureType.VK_STRUCTURE_TYPE_QUEUE_FAMILY_PROPERTIES_2;
        fixed (VkQueueFamilyProperties2* p = properties)
            _instanceCommands.vkGetPhysicalDeviceQueueFamilyProperties2(physical, &families, p);
        QueueFamily = (uint)Array.FindIndex(properties, p => (p.queueFamilyProperties.queueFlags & VkQueueFlagBits.VK_QUEUE_GRAPHICS_BIT) != 0);

        float priority = 1;
        var queueInfo = new VkDeviceQueueCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
            queueFamilyIndex = QueueFamily,
            queueCount = 1,
            pQueuePriorities = &priority,
        };
        var sync2 = new VkPhysicalDeviceSynchronization2Features { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES, synchronization2 = 1 };
        var timeline = new VkPhysicalDeviceTimelineSemaphoreFeatures { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES, pNext = &sync2, timelineSemaphore = 1 };
        var features = new VkPhysicalDeviceFeatures2 { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, pNext = &timeline };
        var info = new VkDeviceCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
            pNext = &features,
            queueCreateInfoCount = 1,
            pQueueCreateInfos = &queueInfo,
        };
        VkDevice device;
        DeviceWork.Check(_instanceCommands.vkCreateDevice(physical, &info, null, &device), "vkCreateDevice");
        Device = device;
        var missing = new List<string>();
        _deviceCommands.Load(_instanceCommands.vkGetDeviceProcAddr, device, ApiVersion, new HashSet<string>(), missing);
        var queueRequest = new VkDeviceQueueInfo2 { sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_QUEUE_INFO_2, queueFamilyIndex = QueueFamily };
        VkQueue queue;
        _deviceCommands.vkGetDeviceQueue2(device, &queueRequest, &queue);
        Queue = queue;
    }

    /// <summary>The host shutting down: device, messenger, instance, in that order.</summary>
    public void Dispose()
    {
        if (!Device.IsNull)
            _deviceCommands.vkDestroyDevice(Device, null);
        Device = VkDevice.NULL;
        if (!_messengerHandle.IsNull)
            _instanceCommands.vkDestroyDebugUtilsMessengerEXT(Instance, _messengerHandle, null);
        _messengerHandle = VkDebugUtilsMessengerEXT.NULL;
        if (!Instance.IsNull)
            _instanceCommands.vkDestroyInstance(Instance, null);
        Instance = VkInstance.NULL;
        _messenger.Dispose();
    }
}
