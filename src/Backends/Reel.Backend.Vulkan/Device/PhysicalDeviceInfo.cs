using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

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
    private PhysicalDeviceLimits _limits;
    private PhysicalDeviceMemoryProperties _memory;

    private PhysicalDeviceInfo(VulkanInstance instance, PhysicalDevice handle) => (_instance, Handle) = (instance, handle);

    /// <summary>The physical device.</summary>
    public PhysicalDevice Handle { get; }

    /// <summary>VkPhysicalDeviceProperties.deviceName, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Discrete, integrated, virtual, CPU or other.</summary>
    public PhysicalDeviceType Type { get; private set; }

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
    public ref readonly PhysicalDeviceLimits Limits => ref _limits;

    /// <summary>Memory types and heaps.</summary>
    public ref readonly PhysicalDeviceMemoryProperties MemoryProperties => ref _memory;

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
    public bool HasMemoryBudget => Extensions.Contains(ExtensionNames.ExtMemoryBudget);

    /// <summary>Whether VK_KHR_video_queue is listed.</summary>
    public bool HasVideoQueue => Extensions.Contains(ExtensionNames.KhrVideoQueue);

    /// <summary>Whether the effective API version is at least <paramref name="version"/>, or the device lists <paramref name="extension"/>.</summary>
    public bool Provides(uint version, string extension) => EffectiveApiVersion >= version || Extensions.Contains(extension);

    /// <summary>Queries everything about <paramref name="device"/>.</summary>
    internal static ReelResult Query(VulkanInstance instance, PhysicalDevice device, string function, out PhysicalDeviceInfo? info)
    {
        info = null;
        var result = new PhysicalDeviceInfo(instance, device);
        Vk vk = instance.Vk;
        PhysicalDeviceProperties basic;
        vk.GetPhysicalDeviceProperties(device, &basic);
        result.Name = NativeText.FromFixed(basic.DeviceName, (int)Vk.MaxPhysicalDeviceNameSize);
        result.Type = basic.DeviceType;
        result.ApiVersion = basic.ApiVersion;
        result.EffectiveApiVersion = Math.Min(VulkanVersion.WithoutPatch(basic.ApiVersion), instance.ApiVersion);
        result.DriverVersion = basic.DriverVersion;
        result.VendorId = basic.VendorID;
        result.DeviceId = basic.DeviceID;
        result._limits = basic.Limits;

        ReelResult status = EnumerateExtensions(vk, device, function, out HashSet<string> extensions);
        if (status != ReelResult.Success)
            return status;
        result.Extensions = extensions;
        if (result.EffectiveApiVersion < VulkanVersion.V1_1)
        {
            result.UnsupportedReason = $"{result.Name} supports Vulkan {VulkanVersion.Format(basic.ApiVersion)}; Reel needs at least 1.1";
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
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {Name} does not list {ExtensionNames.ExtMemoryBudget}; heap budgets are unknown, use Reel's own counters");
        int heaps = (int)_memory.MemoryHeapCount;
        if (heapBudget.Length < heaps || heapUsage.Length < heaps)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the spans hold {Math.Min(heapBudget.Length, heapUsage.Length)} entries; the device has {heaps} heaps");
        ulong* budget = stackalloc ulong[heaps];
        ulong* usage = stackalloc ulong[heaps];
        QueryMemory(_instance.Vk, budget, usage);
        new Span<ulong>(budget, heaps).CopyTo(heapBudget);
        new Span<ulong>(usage, heaps).CopyTo(heapUsage);
        return ReelResult.Success;
    }

    public override string ToString() => $"{Name} ({VulkanNames.Of(Type)}, Vulkan {VulkanVersion.Format(ApiVersion)})";

    private string? FindUnsupportedReason()
    {
        var missing = new List<string>();
        if (!TimelineSemaphore)
            missing.Add("the timelineSemaphore feature");
        if (!Synchronization2)
            missing.Add("the synchronization2 feature");
        if (!QueueFamilies.Any(f => f.QueueCount > 0 && (f.Flags & (QueueFlags.GraphicsBit | QueueFlags.ComputeBit)) != 0))
            missing.Add("a graphics or compute queue");
        return missing.Count == 0 ? null : $"{Name} lacks {string.Join(", ", missing)}, which Reel requires";
    }

    private static ReelResult EnumerateExtensions(Vk vk, PhysicalDevice device, string function, out HashSet<string> names)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        Result result;
        do
        {
            uint count = 0;
            result = vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, null);
            if (result != Result.Success)
                break;
            var properties = new ExtensionProperties[count];
            fixed (ExtensionProperties* p = properties)
        {
            result = vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, p);
                names.Clear();
                for (int i = 0; i < count && result == Result.Success; i++)
                    names.Add(NativeText.FromFixed(p[i].ExtensionName, (int)Vk.MaxExtensionNameSize));
            }
        }
        while (result == Result.Incomplete);
        return VulkanCall.Check(result, function, "vkEnumerateDeviceExtensionProperties");
    }

    private void QueryProperties(Vk vk)
    {
        var vulkan12 = new PhysicalDeviceVulkan12Properties { SType = StructureType.PhysicalDeviceVulkan12Properties };
        var timeline = new PhysicalDeviceTimelineSemaphoreProperties { SType = StructureType.PhysicalDeviceTimelineSemaphoreProperties };
        var properties = new PhysicalDeviceProperties2 { SType = StructureType.PhysicalDeviceProperties2 };
        bool v12 = EffectiveApiVersion >= VulkanVersion.V1_2;
        if (v12)
            properties.PNext = &vulkan12;
        else if (Extensions.Contains(ExtensionNames.KhrTimelineSemaphore))
            properties.PNext = &timeline;
        vk.GetPhysicalDeviceProperties2(Handle, &properties);
        if (v12)
        {
            DriverName = NativeText.FromFixed(vulkan12.DriverName, (int)Vk.MaxDriverNameSize);
            DriverInfo = NativeText.FromFixed(vulkan12.DriverInfo, (int)Vk.MaxDriverInfoSize);
            MaxTimelineSemaphoreValueDifference = vulkan12.MaxTimelineSemaphoreValueDifference;
        }
        else
        {
            MaxTimelineSemaphoreValueDifference = timeline.MaxTimelineSemaphoreValueDifference;
        }
    }

    private void QueryFeatures(Vk vk)
    {
        var timeline = new PhysicalDeviceTimelineSemaphoreFeatures { SType = StructureType.PhysicalDeviceTimelineSemaphoreFeatures };
        var sync2 = new PhysicalDeviceSynchronization2Features { SType = StructureType.PhysicalDeviceSynchronization2Features };
        var hostReset = new PhysicalDeviceHostQueryResetFeatures { SType = StructureType.PhysicalDeviceHostQueryResetFeatures };
        var videoMaintenance = new PhysicalDeviceVideoMaintenance1FeaturesKHR { SType = StructureType.PhysicalDeviceVideoMaintenance1FeaturesKhr };
        var features = new PhysicalDeviceFeatures2 { SType = StructureType.PhysicalDeviceFeatures2 };
        void* next = null;
        if (Provides(VulkanVersion.V1_2, ExtensionNames.KhrTimelineSemaphore))
        {
            timeline.PNext = next;
            next = &timeline;
        }
        if (Provides(VulkanVersion.V1_3, ExtensionNames.KhrSynchronization2))
        {
            sync2.PNext = next;
            next = &sync2;
        }
        if (EffectiveApiVersion >= VulkanVersion.V1_2)
        {
            hostReset.PNext = next;
            next = &hostReset;
        }
        if (Extensions.Contains(ExtensionNames.KhrVideoMaintenance1))
        {
            videoMaintenance.PNext = next;
            next = &videoMaintenance;
        }
        features.PNext = next;
        vk.GetPhysicalDeviceFeatures2(Handle, &features);
        TimelineSemaphore = timeline.TimelineSemaphore;
        Synchronization2 = sync2.Synchronization2;
        HostQueryReset = hostReset.HostQueryReset;
        VideoMaintenance1 = videoMaintenance.VideoMaintenance1;
    }

    /// <summary>Reads memory types and heaps, and the budget into <paramref name="budget"/>/<paramref name="usage"/> when both are given.</summary>
    private void QueryMemory(Vk vk, ulong* budget, ulong* usage)
    {
        var budgetProperties = new PhysicalDeviceMemoryBudgetPropertiesEXT { SType = StructureType.PhysicalDeviceMemoryBudgetPropertiesExt };
        var memory = new PhysicalDeviceMemoryProperties2 { SType = StructureType.PhysicalDeviceMemoryProperties2 };
        if (HasMemoryBudget)
            memory.PNext = &budgetProperties;
        vk.GetPhysicalDeviceMemoryProperties2(Handle, &memory);
        _memory = memory.MemoryProperties;
        if (budget == null || usage == null)
            return;
        for (int i = 0; i < _memory.MemoryHeapCount; i++)
        {
            budget[i] = budgetProperties.HeapBudget[i];
            usage[i] = budgetProperties.HeapUsage[i];
        }
    }

    private void QueryQueueFamilies(Vk vk)
    {
        uint count = 0;
        vk.GetPhysicalDeviceQueueFamilyProperties2(Handle, &count, null);
        bool video = HasVideoQueue;
        var families = new QueueFamilyProperties2[count];
        var videoProperties = new QueueFamilyVideoPropertiesKHR[count];
        var statusProperties = new QueueFamilyQueryResultStatusPropertiesKHR[count];
        fixed (QueueFamilyProperties2* f = families)
        fixed (QueueFamilyVideoPropertiesKHR* v = videoProperties)
        fixed (QueueFamilyQueryResultStatusPropertiesKHR* s = statusProperties)
        {
            for (int i = 0; i < count; i++)
        {
            s[i].SType = StructureType.QueueFamilyQueryResultStatusPropertiesKhr;
                v[i].SType = StructureType.QueueFamilyVideoPropertiesKhr;
                v[i].PNext = &s[i];
                f[i].SType = StructureType.QueueFamilyProperties2;
                f[i].PNext = video ? &v[i] : null;
            }
            vk.GetPhysicalDeviceQueueFamilyProperties2(Handle, &count, f);
        }
        var list = new List<QueueFamilyInfo>((int)count);
        for (int i = 0; i < count; i++)
        {
            QueueFamilyProperties p = families[i].QueueFamilyProperties;
            list.Add(new QueueFamilyInfo((uint)i, p.QueueFlags, p.QueueCount, p.TimestampValidBits,
                video ? videoProperties[i].VideoCodecOperations : 0, video && statusProperties[i].QueryResultStatusSupport));
        }
        QueueFamilies = list;
    }
}
