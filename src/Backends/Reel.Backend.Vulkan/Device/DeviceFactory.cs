using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;

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
        VkConstants.VK_KHR_VIDEO_DECODE_H264_EXTENSION_NAME,
        VkConstants.VK_KHR_VIDEO_DECODE_H265_EXTENSION_NAME,
        VkConstants.VK_KHR_VIDEO_DECODE_AV1_EXTENSION_NAME,
    ];

    private static readonly string[] s_encodeCodecs =
    [
        VkConstants.VK_KHR_VIDEO_ENCODE_H264_EXTENSION_NAME,
        VkConstants.VK_KHR_VIDEO_ENCODE_H265_EXTENSION_NAME,
        VkConstants.VK_KHR_VIDEO_ENCODE_AV1_EXTENSION_NAME,
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
            | (info.VideoMaintenance1 && extensions.Contains(VkConstants.VK_KHR_VIDEO_MAINTENANCE_1_EXTENSION_NAME) ? VulkanFeatures.VideoMaintenance1 : 0);
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
            var queueInfo = new VkDeviceQueueInfo2 { sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_QUEUE_INFO_2, queueFamilyIndex = family, queueIndex = 0 };
            VkQueue queue;
            created.Commands.vkGetDeviceQueue2(handle, &queueInfo, &queue);
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
        ReelResult result = instance.EnumeratePhysicalDevices(function, out IReadOnlyList<VkPhysicalDevice> handles);
        if (result != ReelResult.Success)
            return result;
        if (handles.Count == 0)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the Vulkan instance has no physical devices (no driver installed?)");
        if (options.PhysicalDeviceIndex >= handles.Count)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: options.PhysicalDeviceIndex is {options.PhysicalDeviceIndex}; the instance has {handles.Count} physical devices");

        var candidates = new List<PhysicalDeviceInfo>();
        for (int i = 0; i < handles.Count; i++)
        {
            if (options.PhysicalDeviceIndex >= 0 && i != options.PhysicalDeviceIndex)
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
    private static int Rank(VkPhysicalDeviceType type) => type switch
    {
        VkPhysicalDeviceType.VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU => 4,
        VkPhysicalDeviceType.VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU => 3,
        VkPhysicalDeviceType.VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU => 2,
        VkPhysicalDeviceType.VK_PHYSICAL_DEVICE_TYPE_CPU => 1,
        _ => 0,
    };

    /// <summary>The device extensions to enable; drops the video roles the extensions do not back.</summary>
    private static List<string> PlanExtensions(PhysicalDeviceInfo info, VulkanDeviceOptions options, ref QueueAssignment assignment)
    {
        var extensions = new List<string>();
        if (info.EffectiveApiVersion < VkConstants.VK_API_VERSION_1_2)
            extensions.Add(VkConstants.VK_KHR_TIMELINE_SEMAPHORE_EXTENSION_NAME);
        if (info.EffectiveApiVersion < VkConstants.VK_API_VERSION_1_3)
            extensions.Add(VkConstants.VK_KHR_SYNCHRONIZATION_2_EXTENSION_NAME);
        if (info.HasMemoryBudget)
            extensions.Add(VkConstants.VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);

        bool decode = options.EnableVideo && assignment.VideoDecode >= 0 && info.Extensions.Contains(VkConstants.VK_KHR_VIDEO_DECODE_QUEUE_EXTENSION_NAME)
            && s_decodeCodecs.Any(info.Extensions.Contains);
        bool encode = options.EnableVideo && assignment.VideoEncode >= 0 && info.Extensions.Contains(VkConstants.VK_KHR_VIDEO_ENCODE_QUEUE_EXTENSION_NAME)
            && s_encodeCodecs.Any(info.Extensions.Contains);
        assignment = assignment with { VideoDecode = decode ? assignment.VideoDecode : -1, VideoEncode = encode ? assignment.VideoEncode : -1 };
        if (!decode && !encode)
            return extensions;
        extensions.Add(VkConstants.VK_KHR_VIDEO_QUEUE_EXTENSION_NAME);
        if (decode)
        {
            extensions.Add(VkConstants.VK_KHR_VIDEO_DECODE_QUEUE_EXTENSION_NAME);
            extensions.AddRange(s_decodeCodecs.Where(info.Extensions.Contains));
        }
        if (encode)
        {
            extensions.Add(VkConstants.VK_KHR_VIDEO_ENCODE_QUEUE_EXTENSION_NAME);
            extensions.AddRange(s_encodeCodecs.Where(info.Extensions.Contains));
        }
        if (info.Extensions.Contains(VkConstants.VK_KHR_VIDEO_MAINTENANCE_1_EXTENSION_NAME))
            extensions.Add(VkConstants.VK_KHR_VIDEO_MAINTENANCE_1_EXTENSION_NAME);
        return extensions;
    }

    /// <summary>Calls vkCreateDevice with one queue per family and the feature chain Reel needs.</summary>
    private static ReelResult CreateHandle(VulkanInstance instance, PhysicalDeviceInfo info, uint[] families, List<string> extensions,
        VulkanFeatures features, string function, out VkDevice handle)
    {
        handle = VkDevice.NULL;
        using var extensionNames = new Utf8StringList(extensions);
        float priority = 1.0f;
        var queueInfos = stackalloc VkDeviceQueueCreateInfo[families.Length];
        for (int i = 0; i < families.Length; i++)
        {
            queueInfos[i] = new VkDeviceQueueCreateInfo
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
                queueFamilyIndex = families[i],
                queueCount = 1,
                pQueuePriorities = &priority,
            };
        }

        // The individual feature structs, not VkPhysicalDeviceVulkan1xFeatures: they are valid
        // both on core versions and with the KHR extensions, and never chained twice.
        var videoMaintenance = new VkPhysicalDeviceVideoMaintenance1FeaturesKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VIDEO_MAINTENANCE_1_FEATURES_KHR,
            videoMaintenance1 = VkConstants.VK_TRUE,
        };
        var hostReset = new VkPhysicalDeviceHostQueryResetFeatures
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_HOST_QUERY_RESET_FEATURES,
            pNext = (features & VulkanFeatures.VideoMaintenance1) != 0 ? &videoMaintenance : null,
            hostQueryReset = VkConstants.VK_TRUE,
        };
        var synchronization2 = new VkPhysicalDeviceSynchronization2Features
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES,
            pNext = (features & VulkanFeatures.HostQueryReset) != 0 ? &hostReset : hostReset.pNext,
            synchronization2 = VkConstants.VK_TRUE,
        };
        var timeline = new VkPhysicalDeviceTimelineSemaphoreFeatures
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES,
            pNext = &synchronization2,
            timelineSemaphore = VkConstants.VK_TRUE,
        };
        var features2 = new VkPhysicalDeviceFeatures2 { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, pNext = &timeline };
        var createInfo = new VkDeviceCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
            pNext = &features2,
            queueCreateInfoCount = (uint)families.Length,
            pQueueCreateInfos = queueInfos,
            enabledExtensionCount = extensionNames.Count,
            ppEnabledExtensionNames = extensionNames.Pointers,
        };
        VkDevice created;
        ReelResult result = VulkanCall.Check(instance.Commands.vkCreateDevice(info.Handle, &createInfo, null, &created), function, $"vkCreateDevice({info.Name})");
        if (result == ReelResult.Success)
            handle = created;
        return result;
    }
}
