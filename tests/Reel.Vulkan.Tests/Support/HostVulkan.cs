using System;
using NUnit.Framework;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Validation;
using Silk.NET.Core.Contexts;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.EXT;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// What a game engine has before it hands Vulkan to Reel: its own VkInstance (validation layer,
/// debug utils, sync validation), VkPhysicalDevice, VkDevice (timeline semaphores and
/// synchronization2 on) and a queue, all made through its own loader (<see cref="HostProcAddr"/>)
/// and Silk.NET's own LamdaNativeContext, not through Reel's instance, device or loader code.
/// Its messenger records into the test's log until the instance is gone, so leaks and
/// use-after-destroy of Reel's work show up.
/// </summary>
internal sealed unsafe class HostVulkan : IDisposable
{
    public static readonly string[] InstanceExtensions = [ExtensionNames.ExtDebugUtils, ExtensionNames.ExtValidationFeatures];

    private readonly DebugMessenger _messenger;
    private readonly Vk _global;
    private Vk? _instanceVk;
    private Vk? _deviceVk;
    private ExtDebugUtils? _debugUtils;
    private DebugUtilsMessengerEXT _messengerHandle;

    public VkInstance Instance;
    public PhysicalDevice PhysicalDevice;
    public VkDevice Device;
    public Queue Queue;
    public uint QueueFamily;
    public uint ApiVersion;

    public HostVulkan(ValidationLog log)
    {
        _messenger = new DebugMessenger(log);
        _global = new Vk(new LamdaNativeContext(name => HostProcAddr.Resolve(0, name)));
        uint version;
        DeviceWork.Check(_global.EnumerateInstanceVersion(&version), "vkEnumerateInstanceVersion");
        ApiVersion = Math.Min(VulkanVersion.WithoutPatch(version), VulkanVersion.V1_3);
        CreateInstance();
        CreateDevice();
    }

    /// <summary>The host's instance-level commands.</summary>
    public Vk InstanceVk => _instanceVk!;

    /// <summary>The host's device-level commands.</summary>
    public Vk DeviceVk => _deviceVk!;

    /// <summary>The host's VK_EXT_debug_utils commands.</summary>
    public ExtDebugUtils DebugUtils => _debugUtils!;

    private void CreateInstance()
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
        DeviceWork.Check(_global.CreateInstance(&info, null, &instance), "vkCreateInstance");
        Instance = instance;
        nint instanceHandle = instance.Handle;
        var context = new LamdaNativeContext(name => HostProcAddr.Resolve(instanceHandle, name));
        _instanceVk = new Vk(context);
        _debugUtils = new ExtDebugUtils(context);
        DebugUtilsMessengerCreateInfoEXT persistent = _messenger.CreateInfo(null);
        DebugUtilsMessengerEXT messenger;
        DeviceWork.Check(_debugUtils.CreateDebugUtilsMessenger(instance, &persistent, null, &messenger), "vkCreateDebugUtilsMessengerEXT");
        _messengerHandle = messenger;
    }

    private void CreateDevice()
    {
        Vk vk = _instanceVk!;
        uint count = 1;
        PhysicalDevice physical;
        Result enumerated = vk.EnumeratePhysicalDevices(Instance, &count, &physical);
        Assert.That(enumerated is Result.Success or Result.Incomplete && count == 1, Is.True, "the host needs a physical device");
        PhysicalDevice = physical;

        uint families = 0;
        vk.GetPhysicalDeviceQueueFamilyProperties2(physical, &families, null);
        var properties = new QueueFamilyProperties2[families];
        for (int i = 0; i < families; i++)
            properties[i].SType = StructureType.QueueFamilyProperties2;
        fixed (QueueFamilyProperties2* p = properties)
            vk.GetPhysicalDeviceQueueFamilyProperties2(physical, &families, p);
        QueueFamily = (uint)Array.FindIndex(properties, p => (p.QueueFamilyProperties.QueueFlags & QueueFlags.GraphicsBit) != 0);

        float priority = 1;
        var queueInfo = new DeviceQueueCreateInfo
        {
            SType = StructureType.DeviceQueueCreateInfo,
            QueueFamilyIndex = QueueFamily,
            QueueCount = 1,
            PQueuePriorities = &priority,
        };
        var sync2 = new PhysicalDeviceSynchronization2Features { SType = StructureType.PhysicalDeviceSynchronization2Features, Synchronization2 = true };
        var timeline = new PhysicalDeviceTimelineSemaphoreFeatures { SType = StructureType.PhysicalDeviceTimelineSemaphoreFeatures, PNext = &sync2, TimelineSemaphore = true };
        var features = new PhysicalDeviceFeatures2 { SType = StructureType.PhysicalDeviceFeatures2, PNext = &timeline };
        var info = new DeviceCreateInfo
        {
            SType = StructureType.DeviceCreateInfo,
            PNext = &features,
            QueueCreateInfoCount = 1,
            PQueueCreateInfos = &queueInfo,
        };
        VkDevice device;
        DeviceWork.Check(vk.CreateDevice(physical, &info, null, &device), "vkCreateDevice");
        Device = device;
        nint deviceHandle = device.Handle;
        var getDeviceProcAddr = (delegate* unmanaged<nint, byte*, nint>)HostProcAddr.Resolve(Instance.Handle, "vkGetDeviceProcAddr");
        _deviceVk = new Vk(new LamdaNativeContext(name =>
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes(name + "\0");
            fixed (byte* p = text)
                return getDeviceProcAddr(deviceHandle, p);
        }));
        var queueRequest = new DeviceQueueInfo2 { SType = StructureType.DeviceQueueInfo2, QueueFamilyIndex = QueueFamily };
        Queue queue;
        _deviceVk.GetDeviceQueue2(device, &queueRequest, &queue);
        Queue = queue;
    }

    /// <summary>The host shutting down: device, messenger, instance, in that order.</summary>
    public void Dispose()
    {
        if (Device.Handle != 0)
            _deviceVk!.DestroyDevice(Device, null);
        Device = default;
        if (_messengerHandle.Handle != 0)
            _debugUtils!.DestroyDebugUtilsMessenger(Instance, _messengerHandle, null);
        _messengerHandle = default;
        if (Instance.Handle != 0)
            _instanceVk!.DestroyInstance(Instance, null);
        Instance = default;
        _messenger.Dispose();
    }
}
