using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Device;

/// <summary>
/// Creates Reel's own VkDevice: picks a usable physical device, a queue family per role, the
/// extensions (promoted ones only below their core version; memory budget and video where
/// listed) and the features Reel relies on, then fetches the queues.
/// </summary>
internal static unsafe class DeviceFactory
{
    /// <summary>Decode and encode codec extensions, enabled when the device lists them and has the matching queue.</summary>
    private static readonly string[] s_decodeCodecs =
    [
        ExtensionNames.KhrVideoDecodeH264,
        ExtensionNames.KhrVideoDecodeH265,
        ExtensionNames.KhrVideoDecodeAv1,
    ];

    private static readonly string[] s_encodeCodecs =
    [
        ExtensionNames.KhrVideoEncodeH264,
        ExtensionNames.KhrVideoEncodeH265,
        ExtensionNames.KhrVideoEncodeAv1,
    ];

    /// <summary>Creates the device; the failure message starts with <paramref name="function"/>.</summary>
    public static ReelResult Create(VulkanInstance instance, VulkanDeviceOptions options, string function, out VulkanDevice? device)
    {
        device = null;
        ReelResult result = ChoosePhysicalDevice(instance, options, function, out PhysicalDeviceInfo? info);
        if (result != ReelResult.Success)
            return result;
        QueueAssignment assignment = QueueFamilyPicker.Pick(info!.QueueFamilies);
        List<string> extensions = PlanExtensions(info, options, ref assignment);
        VulkanFeatures features = VulkanFeatures.TimelineSemaphore | VulkanFeatures.Synchronization2
            | (info.HostQueryReset ? VulkanFeatures.HostQueryReset : 0)
            | (info.VideoMaintenance1 && extensions.Contains(ExtensionNames.KhrVideoMaintenance1) ? VulkanFeatures.VideoMaintenance1 : 0);
        uint[] families = new[] { assignment.Graphics, assignment.Compute, assignment.Transfer, assignment.VideoDecode, assignment.VideoEncode }
            .Where(f => f >= 0).Distinct().Order().Select(f => (uint)f).ToArray();

        result = CreateHandle(instance, info, families, extensions, features, function, out VkDevice handle);
        if (result != ReelResult.Success)
            return result;
        var created = new VulkanDevice(instance, info, handle, extensions.ToHashSet(StringComparer.Ordinal), features, owned: true, ownsInstance: false);
        result = created.CheckRequiredCommands(function);
        if (result != ReelResult.Success)
        {
            created.Dispose();
            return result;
        }
        var queues = new List<VulkanQueue>();
        foreach (uint family in families)
        {
            var queueInfo = new DeviceQueueInfo2 { SType = StructureType.DeviceQueueInfo2, QueueFamilyIndex = family, QueueIndex = 0 };
            Queue queue;
            created.Vk.GetDeviceQueue2(handle, &queueInfo, &queue);
            queues.Add(new VulkanQueue(queue, info.QueueFamilies[(int)family], 0, assignment.RolesOf(family)));
        }
        created.SetQueues(queues, assignment);
        instance.Log.Write(LogLevel.Info, $"vulkan device created: {created}, api {VulkanVersion.Format(created.ApiVersion)}, " +
            $"extensions [{string.Join(", ", extensions)}], features {features}");
        device = created;
        return ReelResult.Success;
    }

    /// <summary>The physical device to use, or why none can be.</summary>
    private static ReelResult ChoosePhysicalDevice(VulkanInstance instance, VulkanDeviceOptions options, string function, out PhysicalDeviceInfo? chosen)
    {
        chosen = null;
        ReelResult result = instance.EnumeratePhysicalDevices(function, out IReadOnlyList<PhysicalDevice> handles);
        if (result != ReelResult.Success)
            return result;
        if (handles.Count == 0)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the Vulkan instance has no physical devices (no driver installed?)");
        if (options.PhysicalDevice > handles.Count)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->physical_device is {options.PhysicalDevice}; allowed 0 (the best usable device) or 1 to {handles.Count} (the instance has {handles.Count} physical devices)");
        }

        var candidates = new List<PhysicalDeviceInfo>();
        for (int i = 0; i < handles.Count; i++)
        {
            if (options.PhysicalDevice != 0 && i != options.PhysicalDevice - 1)
                continue;
            result = PhysicalDeviceInfo.Query(instance, handles[i], function, out PhysicalDeviceInfo? info);
            if (result != ReelResult.Success)
                return result;
            candidates.Add(info!);
        }
        chosen = candidates.Where(c => c.UnsupportedReason is null).OrderByDescending(c => Rank(c.Type)).FirstOrDefault();
        if (chosen is null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: no usable physical device: {string.Join("; ", candidates.Select(c => c.UnsupportedReason))}");
        return ReelResult.Success;
    }

    /// <summary>Preference among usable devices: real GPUs before virtual ones before CPU implementations.</summary>
    private static int Rank(PhysicalDeviceType type) => type switch
    {
        PhysicalDeviceType.DiscreteGpu => 4,
        PhysicalDeviceType.IntegratedGpu => 3,
        PhysicalDeviceType.VirtualGpu => 2,
        PhysicalDeviceType.Cpu => 1,
        _ => 0,
    };

    /// <summary>The device extensions to enable; drops the video roles the extensions do not back.</summary>
    private static List<string> PlanExtensions(PhysicalDeviceInfo info, VulkanDeviceOptions options, ref QueueAssignment assignment)
    {
        var extensions = new List<string>();
        if (info.EffectiveApiVersion < VulkanVersion.V1_2)
            extensions.Add(ExtensionNames.KhrTimelineSemaphore);
        if (info.EffectiveApiVersion < VulkanVersion.V1_3)
            extensions.Add(ExtensionNames.KhrSynchronization2);
        if (info.HasMemoryBudget)
            extensions.Add(ExtensionNames.ExtMemoryBudget);

        bool decode = options.EnableVideo && assignment.VideoDecode >= 0 && info.Extensions.Contains(ExtensionNames.KhrVideoDecodeQueue)
            && s_decodeCodecs.Any(info.Extensions.Contains);
        bool encode = options.EnableVideo && assignment.VideoEncode >= 0 && info.Extensions.Contains(ExtensionNames.KhrVideoEncodeQueue)
            && s_encodeCodecs.Any(info.Extensions.Contains);
        assignment = assignment with { VideoDecode = decode ? assignment.VideoDecode : -1, VideoEncode = encode ? assignment.VideoEncode : -1 };
        if (!decode && !encode)
            return extensions;
        extensions.Add(ExtensionNames.KhrVideoQueue);
        if (decode)
        {
            extensions.Add(ExtensionNames.KhrVideoDecodeQueue);
            extensions.AddRange(s_decodeCodecs.Where(info.Extensions.Contains));
        }
        if (encode)
        {
            extensions.Add(ExtensionNames.KhrVideoEncodeQueue);
            extensions.AddRange(s_encodeCodecs.Where(info.Extensions.Contains));
        }
        if (info.Extensions.Contains(ExtensionNames.KhrVideoMaintenance1))
            extensions.Add(ExtensionNames.KhrVideoMaintenance1);
        return extensions;
    }

    /// <summary>Calls vkCreateDevice with one queue per family and the feature chain Reel needs.</summary>
    private static ReelResult CreateHandle(VulkanInstance instance, PhysicalDeviceInfo info, uint[] families, List<string> extensions,
        VulkanFeatures features, string function, out VkDevice handle)
    {
        handle = default;
        using var extensionNames = new Utf8StringList(extensions);
        float priority = 1.0f;
        var queueInfos = stackalloc DeviceQueueCreateInfo[families.Length];
        for (int i = 0; i < families.Length; i++)
        {
            queueInfos[i] = new DeviceQueueCreateInfo
            {
                SType = StructureType.DeviceQueueCreateInfo,
                QueueFamilyIndex = families[i],
                QueueCount = 1,
                PQueuePriorities = &priority,
            };
        }

        // The individual feature structs, not VkPhysicalDeviceVulkan1xFeatures: they are valid
        // both on core versions and with the KHR extensions, and never chained twice.
        var videoMaintenance = new PhysicalDeviceVideoMaintenance1FeaturesKHR
        {
            SType = StructureType.PhysicalDeviceVideoMaintenance1FeaturesKhr,
            VideoMaintenance1 = true,
        };
        var hostReset = new PhysicalDeviceHostQueryResetFeatures
        {
            SType = StructureType.PhysicalDeviceHostQueryResetFeatures,
            PNext = (features & VulkanFeatures.VideoMaintenance1) != 0 ? &videoMaintenance : null,
            HostQueryReset = true,
        };
        var synchronization2 = new PhysicalDeviceSynchronization2Features
        {
            SType = StructureType.PhysicalDeviceSynchronization2Features,
            PNext = (features & VulkanFeatures.HostQueryReset) != 0 ? &hostReset : hostReset.PNext,
            Synchronization2 = true,
        };
        var timeline = new PhysicalDeviceTimelineSemaphoreFeatures
        {
            SType = StructureType.PhysicalDeviceTimelineSemaphoreFeatures,
            PNext = &synchronization2,
            TimelineSemaphore = true,
        };
        var features2 = new PhysicalDeviceFeatures2 { SType = StructureType.PhysicalDeviceFeatures2, PNext = &timeline };
        var createInfo = new DeviceCreateInfo
        {
            SType = StructureType.DeviceCreateInfo,
            PNext = &features2,
            QueueCreateInfoCount = (uint)families.Length,
            PQueueCreateInfos = queueInfos,
            EnabledExtensionCount = extensionNames.Count,
            PpEnabledExtensionNames = extensionNames.Pointers,
        };
        VkDevice created;
        ReelResult result = VulkanCall.Check(instance.Vk.CreateDevice(info.Handle, &createInfo, null, &created), function, $"vkCreateDevice({info.Name})");
        if (result == ReelResult.Success)
            handle = created;
        return result;
    }
}
