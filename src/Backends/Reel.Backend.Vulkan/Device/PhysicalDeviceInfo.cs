using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Device;

/// <summary>
/// What Reel knows about a physical device: properties, the features it needs, memory types
/// and heaps, queue families (with video codec operations), extensions, and whether Reel can
/// use it at all (<see cref="UnsupportedReason"/>). Only structs valid for the device's API
/// version and extensions are chained into the queries, so validation stays quiet.
/// </summary>
public sealed unsafe class PhysicalDeviceInfo
{
    private readonly VulkanInstance _instance;
    private VkPhysicalDeviceLimits _limits;
    private VkPhysicalDeviceMemoryProperties _memory;

    private PhysicalDeviceInfo(VulkanInstance instance, VkPhysicalDevice handle) => (_instance, Handle) = (instance, handle);

    /// <summary>The physical device.</summary>
    public VkPhysicalDevice Handle { get; }

    /// <summary>VkPhysicalDeviceProperties.deviceName, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Discrete, integrated, virtual, CPU or other.</summary>
    public VkPhysicalDeviceType Type { get; private set; }

    /// <summary>The device's own API version.</summary>
    public uint ApiVersion { get; private set; }

    /// <summary>The version Reel may use: the lower of the device's and the instance's.</summary>
    public uint EffectiveApiVersion { get; private set; }

    /// <summary>The vendor-encoded driver version.</summary>
    public uint DriverVersion { get; private set; }

    /// <summary>The PCI vendor id (0x10de NVIDIA, 0x1002 AMD, 0x8086 Intel, 0x10005 Mesa).</summary>
    public uint VendorId { get; private set; }

    /// <summary>The vendor's device id.</summary>
    public uint DeviceId { get; private set; }

    /// <summary>VkPhysicalDeviceVulkan12Properties.driverName ("" before Vulkan 1.2).</summary>
    public string DriverName { get; private set; } = "";

    /// <summary>VkPhysicalDeviceVulkan12Properties.driverInfo ("" before Vulkan 1.2).</summary>
    public string DriverInfo { get; private set; } = "";

    /// <summary>The device limits (alignments, granularity, atom size, ...).</summary>
    public ref readonly VkPhysicalDeviceLimits Limits => ref _limits;

    /// <summary>Memory types and heaps.</summary>
    public ref readonly VkPhysicalDeviceMemoryProperties MemoryProperties => ref _memory;

    /// <summary>The queue families, by index.</summary>
    public IReadOnlyList<QueueFamilyInfo> QueueFamilies { get; private set; } = [];

    /// <summary>The device extensions the driver lists.</summary>
    public IReadOnlySet<string> Extensions { get; private set; } = new HashSet<string>();

    /// <summary>Whether the timelineSemaphore feature is supported.</summary>
    public bool TimelineSemaphore { get; private set; }

    /// <summary>Whether the synchronization2 feature is supported.</summary>
    public bool Synchronization2 { get; private set; }

    /// <summary>Whether the hostQueryReset feature is supported (Vulkan 1.2).</summary>
    public bool HostQueryReset { get; private set; }

    /// <summary>Whether the videoMaintenance1 feature is supported.</summary>
    public bool VideoMaintenance1 { get; private set; }

    /// <summary>maxTimelineSemaphoreValueDifference; 0 without timeline semaphores.</summary>
    public ulong MaxTimelineSemaphoreValueDifference { get; private set; }

    /// <summary>Why Reel cannot use the device, or null when it can.</summary>
    public string? UnsupportedReason { get; private set; }

    /// <summary>Whether VK_EXT_memory_budget is listed (heap budget and usage can be queried).</summary>
    public bool HasMemoryBudget => Extensions.Contains(VkConstants.VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);

    /// <summary>Whether VK_KHR_video_queue is listed.</summary>
    public bool HasVideoQueue => Extensions.Contains(VkConstants.VK_KHR_VIDEO_QUEUE_EXTENSION_NAME);

    /// <summary>Whether the effective API version is at least <paramref name="version"/>, or the device lists <paramref name="extension"/>.</summary>
    public bool Provides(uint version, string extension) => EffectiveApiVersion >= version || Extensions.Contains(extension);

    /// <summary>Queries everything about <paramref name="device"/>.</summary>
    internal static ReelResult Query(VulkanInstance instance, VkPhysicalDevice device, string function, out PhysicalDeviceInfo? info)
    {
        info = null;
        var result = new PhysicalDeviceInfo(instance, device);
        ref readonly VkInstanceCommands vk = ref instance.Commands;
        VkPhysicalDeviceProperties basic;
        vk.vkGetPhysicalDeviceProperties(device, &basic);
        result.Name = NativeText.FromFixed(basic.deviceName, (int)VkConstants.VK_MAX_PHYSICAL_DEVICE_NAME_SIZE);
        result.Type = basic.deviceType;
        result.ApiVersion = basic.apiVersion;
        result.EffectiveApiVersion = Math.Min(VulkanVersion.WithoutPatch(basic.apiVersion), instance.ApiVersion);
        result.DriverVersion = basic.driverVersion;
        result.VendorId = basic.vendorID;
        result.DeviceId = basic.deviceID;
        result._limits = basic.limits;

        ReelResult status = EnumerateExtensions(vk, device, function, out HashSet<string> extensions);
        if (status != ReelResult.Success)
            return status;
        result.Extensions = extensions;
        if (result.EffectiveApiVersion < VkConstants.VK_API_VERSION_1_1)
        {
            result.UnsupportedReason = $"{result.Name} supports Vulkan {VulkanVersion.Format(basic.apiVersion)}; Reel needs at least 1.1";
            info = result;
            return ReelResult.Success;
        }
        result.QueryProperties(vk);
        result.QueryFeatures(vk);
        result.QueryMemory(vk, null, null);
        result.QueryQueueFamilies(vk);
        result.UnsupportedReason = result.FindUnsupportedReason();
        info = result;
        return ReelResult.Success;
    }

    /// <summary>
    /// Heap budget and usage from VK_EXT_memory_budget (process-wide, driver-internal memory
    /// included), one entry per heap. ErrorUnsupported when the device lacks the extension.
    /// </summary>
    public ReelResult QueryMemoryBudget(Span<ulong> heapBudget, Span<ulong> heapUsage, string function)
    {
        if (!HasMemoryBudget)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {Name} does not list {VkConstants.VK_EXT_MEMORY_BUDGET_EXTENSION_NAME}; heap budgets are unknown, use Reel's own counters");
        int heaps = (int)_memory.memoryHeapCount;
        if (heapBudget.Length < heaps || heapUsage.Length < heaps)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the spans hold {Math.Min(heapBudget.Length, heapUsage.Length)} entries; the device has {heaps} heaps");
        ulong* budget = stackalloc ulong[heaps];
        ulong* usage = stackalloc ulong[heaps];
        QueryMemory(_instance.Commands, budget, usage);
        new Span<ulong>(budget, heaps).CopyTo(heapBudget);
        new Span<ulong>(usage, heaps).CopyTo(heapUsage);
        return ReelResult.Success;
    }

    public override string ToString() => $"{Name} ({Type}, Vulkan {VulkanVersion.Format(ApiVersion)})";

    private string? FindUnsupportedReason()
    {
        var missing = new List<string>();
        if (!TimelineSemaphore)
            missing.Add("the timelineSemaphore feature");
        if (!Synchronization2)
            missing.Add("the synchronization2 feature");
        if (!QueueFamilies.Any(f => f.QueueCount > 0 && (f.Flags & (VkQueueFlagBits.VK_QUEUE_GRAPHICS_BIT | VkQueueFlagBits.VK_QUEUE_COMPUTE_BIT)) != 0))
            missing.Add("a graphics or compute queue");
        return missing.Count == 0 ? null : $"{Name} lacks {string.Join(", ", missing)}, which Reel requires";
    }

    private static ReelResult EnumerateExtensions(in VkInstanceCommands vk, VkPhysicalDevice device, string function, out HashSet<string> names)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        VkResult result;
        do
        {
            uint count = 0;
            result = vk.vkEnumerateDeviceExtensionProperties(device, null, &count, null);
            if (result != VkResult.VK_SUCCESS)
                break;
            var properties = new VkExtensionProperties[count];
            fixed (VkExtensionProperties* p = properties)
        {
            result = vk.vkEnumerateDeviceExtensionProperties(device, null, &count, p);
                names.Clear();
                for (int i = 0; i < count && result == VkResult.VK_SUCCESS; i++)
                    names.Add(NativeText.FromFixed(p[i].extensionName, (int)VkConstants.VK_MAX_EXTENSION_NAME_SIZE));
            }
        }
        while (result == VkResult.VK_INCOMPLETE);
        return VulkanCall.Check(result, function, "vkEnumerateDeviceExtensionProperties");
    }

    private void QueryProperties(in VkInstanceCommands vk)
    {
        var vulkan12 = new VkPhysicalDeviceVulkan12Properties { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_PROPERTIES };
        var timeline = new VkPhysicalDeviceTimelineSemaphoreProperties { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_PROPERTIES };
        var properties = new VkPhysicalDeviceProperties2 { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2 };
        bool v12 = EffectiveApiVersion >= VkConstants.VK_API_VERSION_1_2;
        if (v12)
            properties.pNext = &vulkan12;
        else if (Extensions.Contains(VkConstants.VK_KHR_TIMELINE_SEMAPHORE_EXTENSION_NAME))
            properties.pNext = &timeline;
        vk.vkGetPhysicalDeviceProperties2(Handle, &properties);
        if (v12)
        {
            DriverName = NativeText.FromFixed(vulkan12.driverName, (int)VkConstants.VK_MAX_DRIVER_NAME_SIZE);
            DriverInfo = NativeText.FromFixed(vulkan12.driverInfo, (int)VkConstants.VK_MAX_DRIVER_INFO_SIZE);
            MaxTimelineSemaphoreValueDifference = vulkan12.maxTimelineSemaphoreValueDifference;
        }
        else
        {
            MaxTimelineSemaphoreValueDifference = timeline.maxTimelineSemaphoreValueDifference;
        }
    }

    private void QueryFeatures(in VkInstanceCommands vk)
    {
        var timeline = new VkPhysicalDeviceTimelineSemaphoreFeatures { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES };
        var sync2 = new VkPhysicalDeviceSynchronization2Features { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES };
        var hostReset = new VkPhysicalDeviceHostQueryResetFeatures { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_HOST_QUERY_RESET_FEATURES };
        var videoMaintenance = new VkPhysicalDeviceVideoMaintenance1FeaturesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VIDEO_MAINTENANCE_1_FEATURES_KHR };
        var features = new VkPhysicalDeviceFeatures2 { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2 };
        void* next = null;
        if (Provides(VkConstants.VK_API_VERSION_1_2, VkConstants.VK_KHR_TIMELINE_SEMAPHORE_EXTENSION_NAME))
        {
            timeline.pNext = next;
            next = &timeline;
        }
        if (Provides(VkConstants.VK_API_VERSION_1_3, VkConstants.VK_KHR_SYNCHRONIZATION_2_EXTENSION_NAME))
        {
            sync2.pNext = next;
            next = &sync2;
        }
        if (EffectiveApiVersion >= VkConstants.VK_API_VERSION_1_2)
        {
            hostReset.pNext = next;
            next = &hostReset;
        }
        if (Extensions.Contains(VkConstants.VK_KHR_VIDEO_MAINTENANCE_1_EXTENSION_NAME))
        {
            videoMaintenance.pNext = next;
            next = &videoMaintenance;
        }
        features.pNext = next;
        vk.vkGetPhysicalDeviceFeatures2(Handle, &features);
        TimelineSemaphore = timeline.timelineSemaphore != 0;
        Synchronization2 = sync2.synchronization2 != 0;
        HostQueryReset = hostReset.hostQueryReset != 0;
        VideoMaintenance1 = videoMaintenance.videoMaintenance1 != 0;
    }

    /// <summary>Reads memory types and heaps, and the budget into <paramref name="budget"/>/<paramref name="usage"/> when both are given.</summary>
    private void QueryMemory(in VkInstanceCommands vk, ulong* budget, ulong* usage)
    {
        var budgetProperties = new VkPhysicalDeviceMemoryBudgetPropertiesEXT { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT };
        var memory = new VkPhysicalDeviceMemoryProperties2 { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2 };
        if (HasMemoryBudget)
            memory.pNext = &budgetProperties;
        vk.vkGetPhysicalDeviceMemoryProperties2(Handle, &memory);
        _memory = memory.memoryProperties;
        if (budget == null || usage == null)
            return;
        for (int i = 0; i < _memory.memoryHeapCount; i++)
        {
            budget[i] = budgetProperties.heapBudget[i];
            usage[i] = budgetProperties.heapUsage[i];
        }
    }

    private void QueryQueueFamilies(in VkInstanceCommands vk)
    {
        uint count = 0;
        vk.vkGetPhysicalDeviceQueueFamilyProperties2(Handle, &count, null);
        bool video = HasVideoQueue;
        var families = new VkQueueFamilyProperties2[count];
        var videoProperties = new VkQueueFamilyVideoPropertiesKHR[count];
        var statusProperties = new VkQueueFamilyQueryResultStatusPropertiesKHR[count];
        fixed (VkQueueFamilyProperties2* f = families)
        fixed (VkQueueFamilyVideoPropertiesKHR* v = videoProperties)
        fixed (VkQueueFamilyQueryResultStatusPropertiesKHR* s = statusProperties)
        {
            for (int i = 0; i < count; i++)
        {
            s[i].sType = VkStructureType.VK_STRUCTURE_TYPE_QUEUE_FAMILY_QUERY_RESULT_STATUS_PROPERTIES_KHR;
                v[i].sType = VkStructureType.VK_STRUCTURE_TYPE_QUEUE_FAMILY_VIDEO_PROPERTIES_KHR;
                v[i].pNext = &s[i];
                f[i].sType = VkStructureType.VK_STRUCTURE_TYPE_QUEUE_FAMILY_PROPERTIES_2;
                f[i].pNext = video ? &v[i] : null;
            }
            vk.vkGetPhysicalDeviceQueueFamilyProperties2(Handle, &count, f);
        }
        var list = new List<QueueFamilyInfo>((int)count);
        for (int i = 0; i < count; i++)
        {
            VkQueueFamilyProperties p = families[i].queueFamilyProperties;
            list.Add(new QueueFamilyInfo((uint)i, p.queueFlags, p.queueCount, p.timestampValidBits,
                video ? videoProperties[i].videoCodecOperations : 0, video && statusProperties[i].queryResultStatusSupport != 0));
        }
        QueueFamilies = list;
    }
}
