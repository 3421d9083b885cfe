using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.KHR;

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
        VideoCodecOperation.DecodeH264 => ExtensionNames.KhrVideoDecodeH264,
        VideoCodecOperation.DecodeH265 => ExtensionNames.KhrVideoDecodeH265,
        VideoCodecOperation.DecodeAv1 => ExtensionNames.KhrVideoDecodeAv1,
        VideoCodecOperation.EncodeH264 => ExtensionNames.KhrVideoEncodeH264,
        VideoCodecOperation.EncodeH265 => ExtensionNames.KhrVideoEncodeH265,
        _ => ExtensionNames.KhrVideoEncodeAv1,
    };

    /// <summary>
    /// The queue Reel would run <paramref name="operation"/> on and the device's
    /// VK_KHR_video_queue commands to run it with, or why there are none (ErrorUnsupported).
    /// </summary>
    public static ReelResult QueueFor(VulkanDevice device, VideoCodecOperation operation, string function, out VulkanQueue? queue, out KhrVideoQueue? video)
    {
        string? reason = FindQueue(device, operation, out queue, out video);
        return reason is null ? ReelResult.Success : LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {reason}");
    }

    /// <summary>Whether the device can run <paramref name="operation"/> (a queue for it, its extensions enabled); leaves the last error alone.</summary>
    public static bool CanRun(VulkanDevice device, VideoCodecOperation operation) => FindQueue(device, operation, out _, out _) is null;

    /// <summary>The queue and video commands for <paramref name="operation"/>, or null and the reason (without touching the last error).</summary>
    private static string? FindQueue(VulkanDevice device, VideoCodecOperation operation, out VulkanQueue? queue, out KhrVideoQueue? video)
    {
        queue = null;
        video = device.VideoQueue;
        string name = device.PhysicalDevice.Name;
        if (video is null)
            return NoVideoQueue(device, operation);
        VulkanQueue? candidate = VideoProfile.IsDecode(operation) ? device.VideoDecode : device.VideoEncode;
        if (candidate is null || (candidate.Family.VideoCodecOperations & (VideoCodecOperationFlagsKHR)operation) == 0)
            return $"{name} has no {(VideoProfile.IsDecode(operation) ? "decode" : "encode")} queue Reel uses that can do {Name(operation)}";
        if (!device.EnabledExtensions.Contains(ExtensionOf(operation)))
            return $"{Name(operation)} needs {ExtensionOf(operation)}, which is not enabled on the device";
        queue = candidate;
        return null;
    }

    /// <summary>Why <paramref name="operation"/> cannot run on a device without VK_KHR_video_queue enabled.</summary>
    private static string NoVideoQueue(VulkanDevice device, VideoCodecOperation operation)
    {
        string reason = device.PhysicalDevice.HasVideoQueue ? "the device was created or adopted without it" : $"{device.PhysicalDevice.Name} exposes no {ExtensionNames.KhrVideoQueue}";
        return $"{Name(operation)} needs {ExtensionNames.KhrVideoQueue}: {reason}";
    }

    /// <summary>
    /// The device's VK_KHR_video_queue commands, or ErrorUnsupported naming why there are none:
    /// every video query starts here, so no path calls an entry point of an extension the
    /// device does not have enabled (the loader aborts the process on such a call).
    /// </summary>
    private static ReelResult VideoQueueOf(VulkanDevice device, VideoCodecOperation operation, string function, out KhrVideoQueue? video)
    {
        video = device.VideoQueue;
        return video is not null ? ReelResult.Success : LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {NoVideoQueue(device, operation)}");
    }

    /// <summary>The capabilities of <paramref name="profile"/>; ErrorUnsupported when the device has no video queue extension or the driver refuses the profile.</summary>
    public static ReelResult Query(VulkanDevice device, VideoProfile profile, string function, out VideoCaps? caps)
    {
        caps = null;
        ReelResult result = VideoQueueOf(device, profile.Operation, function, out KhrVideoQueue? video);
        if (result != ReelResult.Success)
            return result;
        return VulkanCall.Check(QueryRaw(video!, device.PhysicalDevice, profile, out caps), function, $"vkGetPhysicalDeviceVideoCapabilitiesKHR({Name(profile.Operation)}, {profile.BitDepth}-bit)");
    }

    /// <summary>As <see cref="Query"/>, returning the VkResult without touching the last error (capability reports probe quietly).</summary>
    private static Result QueryRaw(KhrVideoQueue video, PhysicalDeviceInfo physicalDevice, VideoProfile profile, out VideoCaps? caps)
    {
        caps = null;
        var h264Decode = new VideoDecodeH264CapabilitiesKHR { SType = StructureType.VideoDecodeH264CapabilitiesKhr };
        var h265Decode = new VideoDecodeH265CapabilitiesKHR { SType = StructureType.VideoDecodeH265CapabilitiesKhr };
        var av1Decode = new VideoDecodeAV1CapabilitiesKHR { SType = StructureType.VideoDecodeAV1CapabilitiesKhr };
        var h264Encode = new VideoEncodeH264CapabilitiesKHR { SType = StructureType.VideoEncodeH264CapabilitiesKhr };
        var h265Encode = new VideoEncodeH265CapabilitiesKHR { SType = StructureType.VideoEncodeH265CapabilitiesKhr };
        var av1Encode = new VideoEncodeAV1CapabilitiesKHR { SType = StructureType.VideoEncodeAV1CapabilitiesKhr };
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
        var decodeCaps = new VideoDecodeCapabilitiesKHR { SType = StructureType.VideoDecodeCapabilitiesKhr, PNext = codec };
        var encodeCaps = new VideoEncodeCapabilitiesKHR { SType = StructureType.VideoEncodeCapabilitiesKhr, PNext = codec };
        var capabilities = new VideoCapabilitiesKHR
        {
            SType = StructureType.VideoCapabilitiesKhr,
            PNext = decode ? &decodeCaps : &encodeCaps,
        };
        Result status = video.GetPhysicalDeviceVideoCapabilities(physicalDevice.Handle, profile.Info, &capabilities);
        if (status != Result.Success)
            return status;
        uint level = profile.Operation switch
        {
            VideoCodecOperation.DecodeH264 => (uint)h264Decode.MaxLevelIdc,
            VideoCodecOperation.DecodeH265 => (uint)h265Decode.MaxLevelIdc,
            VideoCodecOperation.DecodeAv1 => (uint)av1Decode.MaxLevel,
            VideoCodecOperation.EncodeH264 => (uint)h264Encode.MaxLevelIdc,
            VideoCodecOperation.EncodeH265 => (uint)h265Encode.MaxLevelIdc,
            _ => (uint)av1Encode.MaxLevel,
        };
        caps = new VideoCaps
        {
            Operation = profile.Operation,
            StdProfile = profile.StdProfile,
            Flags = capabilities.Flags,
            DecodeFlags = decode ? decodeCaps.Flags : 0,
            BitstreamOffsetAlignment = capabilities.MinBitstreamBufferOffsetAlignment,
            BitstreamSizeAlignment = capabilities.MinBitstreamBufferSizeAlignment,
            Granularity = capabilities.PictureAccessGranularity,
            MinExtent = capabilities.MinCodedExtent,
            MaxExtent = capabilities.MaxCodedExtent,
            MaxDpbSlots = capabilities.MaxDpbSlots,
            MaxActiveReferences = capabilities.MaxActiveReferencePictures,
            MaxLevel = level,
            StdHeaderName = NativeText.FromFixed(capabilities.StdHeaderVersion.ExtensionName, (int)Vk.MaxExtensionNameSize),
            StdHeaderVersion = capabilities.StdHeaderVersion.SpecVersion,
            StdHeader = capabilities.StdHeaderVersion,
            RateControlModes = decode ? 0 : encodeCaps.RateControlModes,
            MaxBitrate = decode ? 0 : encodeCaps.MaxBitrate,
            QualityLevels = decode ? 0 : encodeCaps.MaxQualityLevels,
        };
        return Result.Success;
    }

    /// <summary>
    /// Every operation the device can run, with the caps of its 8-bit profile and the bit depths
    /// (8, 10) the driver accepts; operations it cannot run are left out.
    /// </summary>
    public static List<CodecCaps> All(VulkanDevice device)
    {
        var list = new List<CodecCaps>();
        string implementation = $"{device.PhysicalDevice.Name} ({device.PhysicalDevice.DriverName} {device.PhysicalDevice.DriverInfo})".Trim();
        KhrVideoQueue? video = device.VideoQueue;
        foreach (VideoCodecOperation operation in Operations)
        {
            if (video is null || FindQueue(device, operation, out _, out _) is not null)
                continue;
            VideoCaps? eight;
            using (VideoProfile profile = VideoProfile.Create(operation, 8))
            {
                if (QueryRaw(video, device.PhysicalDevice, profile, out eight) != Result.Success)
                    continue;
            }
            uint depths = (uint)VideoComponentBitDepthFlagsKHR.Depth8BitKhr;
            if (VideoProfile.Exists(operation, 10))
            {
                using VideoProfile ten = VideoProfile.Create(operation, 10);
                if (QueryRaw(video, device.PhysicalDevice, ten, out _) == Result.Success)
                    depths |= (uint)VideoComponentBitDepthFlagsKHR.Depth10BitKhr;
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
    public static ReelResult PickFormat(VulkanDevice device, VideoProfile profile, Format wanted, ImageUsageFlags usage, string function, string field, out Format format)
    {
        format = Format.Undefined;
        ReelResult result = VideoQueueOf(device, profile.Operation, function, out KhrVideoQueue? video);
        if (result != ReelResult.Success)
            return result;
        var query = new PhysicalDeviceVideoFormatInfoKHR { SType = StructureType.PhysicalDeviceVideoFormatInfoKhr, PNext = profile.List, ImageUsage = usage };
        uint count = 0;
        result = VulkanCall.Check(video!.GetPhysicalDeviceVideoFormatProperties(device.PhysicalDevice.Handle, &query, &count, null), function, "vkGetPhysicalDeviceVideoFormatPropertiesKHR");
        if (result != ReelResult.Success)
            return result;
        var formats = new VideoFormatPropertiesKHR[count];
        for (int i = 0; i < formats.Length; i++)
            formats[i].SType = StructureType.VideoFormatPropertiesKhr;
        fixed (VideoFormatPropertiesKHR* p = formats)
            result = VulkanCall.Check(video.GetPhysicalDeviceVideoFormatProperties(device.PhysicalDevice.Handle, &query, &count, p), function, "vkGetPhysicalDeviceVideoFormatPropertiesKHR");
        if (result != ReelResult.Success)
            return result;
        for (int i = 0; i < count; i++)
        {
            if (wanted == Format.Undefined || formats[i].Format == wanted)
            {
                format = formats[i].Format;
                return ReelResult.Success;
            }
        }
        return LastError.Set(ReelResult.ErrorUnsupported, wanted == Format.Undefined
            ? $"{function}: the driver lists no image format for {Name(profile.Operation)} with usage {VulkanNames.Of(usage)}"
            : $"{function}: {field} is {VulkanNames.Of(wanted)}, which the driver does not list for {Name(profile.Operation)} with usage {VulkanNames.Of(usage)}");
    }
}
