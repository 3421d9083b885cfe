using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Video;

/// <summary>
/// Asks the driver what a device can do for each video codec operation: the operation must be
/// listed by a queue family Reel uses for video, its codec extension enabled, and the profile
/// accepted by vkGetPhysicalDeviceVideoCapabilitiesKHR.
/// </summary>
internal static unsafe class VideoCapabilityQuery
{
    /// <summary>Every operation Reel knows, in reporting order.</summary>
    public static readonly VideoCodecOperation[] Operations =
    [
        VideoCodecOperation.DecodeH264, VideoCodecOperation.DecodeH265, VideoCodecOperation.DecodeAv1,
        VideoCodecOperation.EncodeH264, VideoCodecOperation.EncodeH265, VideoCodecOperation.EncodeAv1,
    ];

    /// <summary>The C name of an operation, e.g. REEL_VIDEO_CODEC_OP_DECODE_H264, for messages.</summary>
    public static string Name(VideoCodecOperation operation) => Abi.CNames.EnumMember(operation, "REEL_VIDEO_CODEC_OP_") ?? $"0x{(uint)operation:x}";

    /// <summary>The device extension of an operation's codec.</summary>
    public static string ExtensionOf(VideoCodecOperation operation) => operation switch
    {
        VideoCodecOperation.DecodeH264 => VkConstants.VK_KHR_VIDEO_DECODE_H264_EXTENSION_NAME,
        VideoCodecOperation.DecodeH265 => VkConstants.VK_KHR_VIDEO_DECODE_H265_EXTENSION_NAME,
        VideoCodecOperation.DecodeAv1 => VkConstants.VK_KHR_VIDEO_DECODE_AV1_EXTENSION_NAME,
        VideoCodecOperation.EncodeH264 => VkConstants.VK_KHR_VIDEO_ENCODE_H264_EXTENSION_NAME,
        VideoCodecOperation.EncodeH265 => VkConstants.VK_KHR_VIDEO_ENCODE_H265_EXTENSION_NAME,
        _ => VkConstants.VK_KHR_VIDEO_ENCODE_AV1_EXTENSION_NAME,
    };

    /// <summary>The queue Reel would run <paramref name="operation"/> on, or why there is none (ErrorUnsupported).</summary>
    public static ReelResult QueueFor(VulkanDevice device, VideoCodecOperation operation, string function, out VulkanQueue? queue)
    {
        string? reason = FindQueue(device, operation, out queue);
        return reason is null ? ReelResult.Success : LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {reason}");
    }

    /// <summary>Whether the device can run <paramref name="operation"/> (a queue for it, its extensions enabled); leaves the last error alone.</summary>
    public static bool CanRun(VulkanDevice device, VideoCodecOperation operation) => FindQueue(device, operation, out _) is null;

    /// <summary>The queue for <paramref name="operation"/>, or null and the reason (without touching the last error).</summary>
    private static string? FindQueue(VulkanDevice device, VideoCodecOperation operation, out VulkanQueue? queue)
    {
        queue = null;
        string name = device.PhysicalDevice.Name;
        if (!device.EnabledExtensions.Contains(VkConstants.VK_KHR_VIDEO_QUEUE_EXTENSION_NAME))
        {
            string reason = device.PhysicalDevice.HasVideoQueue ? "the device was created or adopted without it" : $"{name} exposes no {VkConstants.VK_KHR_VIDEO_QUEUE_EXTENSION_NAME}";
            return $"{Name(operation)} needs {VkConstants.VK_KHR_VIDEO_QUEUE_EXTENSION_NAME}: {reason}";
        }
        VulkanQueue? candidate = VideoProfile.IsDecode(operation) ? device.VideoDecode : device.VideoEncode;
        if (candidate is null || (candidate.Family.VideoCodecOperations & (VkVideoCodecOperationFlagBitsKHR)operation) == 0)
            return $"{name} has no {(VideoProfile.IsDecode(operation) ? "decode" : "encode")} queue Reel uses that can do {Name(operation)}";
        if (!device.EnabledExtensions.Contains(ExtensionOf(operation)))
            return $"{Name(operation)} needs {ExtensionOf(operation)}, which is not enabled on the device";
        queue = candidate;
        return null;
    }

    /// <summary>The capabilities of <paramref name="profile"/>; ErrorUnsupported when the driver refuses the profile.</summary>
    public static ReelResult Query(VulkanDevice device, VideoProfile profile, string function, out VideoCaps? caps) =>
        VulkanCall.Check(QueryRaw(device, profile, out caps), function, $"vkGetPhysicalDeviceVideoCapabilitiesKHR({Name(profile.Operation)}, {profile.BitDepth}-bit)");

    /// <summary>As <see cref="Query"/>, returning the VkResult without touching the last error (capability reports probe quietly).</summary>
    private static VkResult QueryRaw(VulkanDevice device, VideoProfile profile, out VideoCaps? caps)
    {
        caps = null;
        var h264Decode = new VkVideoDecodeH264CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H264_CAPABILITIES_KHR };
        var h265Decode = new VkVideoDecodeH265CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H265_CAPABILITIES_KHR };
        var av1Decode = new VkVideoDecodeAV1CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_AV1_CAPABILITIES_KHR };
        var h264Encode = new VkVideoEncodeH264CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H264_CAPABILITIES_KHR };
        var h265Encode = new VkVideoEncodeH265CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H265_CAPABILITIES_KHR };
        var av1Encode = new VkVideoEncodeAV1CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_AV1_CAPABILITIES_KHR };
        void* codec = profile.Operation switch
        {
            VideoCodecOperation.DecodeH264 => &h264Decode,
            VideoCodecOperation.DecodeH265 => &h265Decode,
            VideoCodecOperation.DecodeAv1 => &av1Decode,
            VideoCodecOperation.EncodeH264 => &h264Encode,
            VideoCodecOperation.EncodeH265 => &h265Encode,
            _ => &av1Encode,
        };
        bool decode = VideoProfile.IsDecode(profile.Operation);
        var decodeCaps = new VkVideoDecodeCapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_CAPABILITIES_KHR, pNext = codec };
        var encodeCaps = new VkVideoEncodeCapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_CAPABILITIES_KHR, pNext = codec };
        var capabilities = new VkVideoCapabilitiesKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_CAPABILITIES_KHR,
            pNext = decode ? &decodeCaps : &encodeCaps,
        };
        VkResult status = device.Instance.Commands.vkGetPhysicalDeviceVideoCapabilitiesKHR(device.PhysicalDevice.Handle, profile.Info, &capabilities);
        if (status != VkResult.VK_SUCCESS)
            return status;
        uint level = profile.Operation switch
        {
            VideoCodecOperation.DecodeH264 => (uint)h264Decode.maxLevelIdc,
            VideoCodecOperation.DecodeH265 => (uint)h265Decode.maxLevelIdc,
            VideoCodecOperation.DecodeAv1 => (uint)av1Decode.maxLevel,
            VideoCodecOperation.EncodeH264 => (uint)h264Encode.maxLevelIdc,
            VideoCodecOperation.EncodeH265 => (uint)h265Encode.maxLevelIdc,
            _ => (uint)av1Encode.maxLevel,
        };
        caps = new VideoCaps
        {
            Operation = profile.Operation,
            StdProfile = profile.StdProfile,
            Flags = capabilities.flags,
            DecodeFlags = decode ? decodeCaps.flags : 0,
            BitstreamOffsetAlignment = capabilities.minBitstreamBufferOffsetAlignment,
            BitstreamSizeAlignment = capabilities.minBitstreamBufferSizeAlignment,
            Granularity = capabilities.pictureAccessGranularity,
            MinExtent = capabilities.minCodedExtent,
            MaxExtent = capabilities.maxCodedExtent,
            MaxDpbSlots = capabilities.maxDpbSlots,
            MaxActiveReferences = capabilities.maxActiveReferencePictures,
            MaxLevel = level,
            StdHeaderName = NativeText.FromFixed(capabilities.stdHeaderVersion.extensionName, (int)VkConstants.VK_MAX_EXTENSION_NAME_SIZE),
            StdHeaderVersion = capabilities.stdHeaderVersion.specVersion,
            StdHeader = capabilities.stdHeaderVersion,
            RateControlModes = decode ? 0 : encodeCaps.rateControlModes,
            MaxBitrate = decode ? 0 : encodeCaps.maxBitrate,
            QualityLevels = decode ? 0 : encodeCaps.maxQualityLevels,
        };
        return VkResult.VK_SUCCESS;
    }

    /// <summary>
    /// Every operation the device can run, with the caps of its 8-bit profile and the bit depths
    /// (8, 10) the driver accepts; operations it cannot run are left out.
    /// </summary>
    public static List<CodecCaps> All(VulkanDevice device)
    {
        var list = new List<CodecCaps>();
        string implementation = $"{device.PhysicalDevice.Name} ({device.PhysicalDevice.DriverName} {device.PhysicalDevice.DriverInfo})".Trim();
        foreach (VideoCodecOperation operation in Operations)
        {
            if (FindQueue(device, operation, out _) is not null)
                continue;
            VideoCaps? eight;
            using (VideoProfile profile = VideoProfile.Create(operation, 8))
            {
                if (QueryRaw(device, profile, out eight) != VkResult.VK_SUCCESS)
                    continue;
            }
            uint depths = (uint)VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_8_BIT_KHR;
            if (VideoProfile.Exists(operation, 10))
            {
                using VideoProfile ten = VideoProfile.Create(operation, 10);
                if (QueryRaw(device, ten, out _) == VkResult.VK_SUCCESS)
                    depths |= (uint)VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_10_BIT_KHR;
            }
            list.Add(eight!.ToCodecCaps(depths, implementation));
        }
        return list;
    }

    /// <summary>
    /// <paramref name="wanted"/> if the driver lists it for images of <paramref name="usage"/>
    /// in <paramref name="profile"/>, or the first format it lists when <paramref name="wanted"/>
    /// is VK_FORMAT_UNDEFINED; ErrorUnsupported otherwise (naming <paramref name="field"/>).
    /// </summary>
    public static ReelResult PickFormat(VulkanDevice device, VideoProfile profile, VkFormat wanted, VkImageUsageFlagBits usage, string function, string field, out VkFormat format)
    {
        format = VkFormat.VK_FORMAT_UNDEFINED;
        var query = new VkPhysicalDeviceVideoFormatInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VIDEO_FORMAT_INFO_KHR, pNext = profile.List, imageUsage = usage };
        uint count = 0;
        ref readonly VkInstanceCommands vk = ref device.Instance.Commands;
        ReelResult result = VulkanCall.Check(vk.vkGetPhysicalDeviceVideoFormatPropertiesKHR(device.PhysicalDevice.Handle, &query, &count, null), function, "vkGetPhysicalDeviceVideoFormatPropertiesKHR");
        if (result != ReelResult.Success)
            return result;
        var formats = new VkVideoFormatPropertiesKHR[count];
        for (int i = 0; i < formats.Length; i++)
            formats[i].sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_FORMAT_PROPERTIES_KHR;
        fixed (VkVideoFormatPropertiesKHR* p = formats)
            result = VulkanCall.Check(vk.vkGetPhysicalDeviceVideoFormatPropertiesKHR(device.PhysicalDevice.Handle, &query, &count, p), function, "vkGetPhysicalDeviceVideoFormatPropertiesKHR");
        if (result != ReelResult.Success)
            return result;
        for (int i = 0; i < count; i++)
        {
            if (wanted == VkFormat.VK_FORMAT_UNDEFINED || formats[i].format == wanted)
            {
                format = formats[i].format;
                return ReelResult.Success;
            }
        }
        return LastError.Set(ReelResult.ErrorUnsupported, wanted == VkFormat.VK_FORMAT_UNDEFINED
            ? $"{function}: the driver lists no image format for {Name(profile.Operation)} with usage {usage}"
            : $"{function}: {field} is {wanted}, which the driver does not list for {Name(profile.Operation)} with usage {usage}");
    }
}
