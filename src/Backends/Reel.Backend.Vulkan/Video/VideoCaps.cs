using Reel.Backends;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Video;

/// <summary>What the driver reported for one video profile (vkGetPhysicalDeviceVideoCapabilitiesKHR and its chain).</summary>
internal sealed class VideoCaps
{
    /// <summary>The operation queried.</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>The codec profile number queried.</summary>
    public uint StdProfile { get; init; }

    /// <summary>VkVideoCapabilitiesKHR.flags.</summary>
    public VkVideoCapabilityFlagBitsKHR Flags { get; init; }

    /// <summary>VkVideoDecodeCapabilitiesKHR.flags (0 for encode).</summary>
    public VkVideoDecodeCapabilityFlagBitsKHR DecodeFlags { get; init; }

    /// <summary>minBitstreamBufferOffsetAlignment.</summary>
    public ulong BitstreamOffsetAlignment { get; init; }

    /// <summary>minBitstreamBufferSizeAlignment.</summary>
    public ulong BitstreamSizeAlignment { get; init; }

    /// <summary>pictureAccessGranularity.</summary>
    public VkExtent2D Granularity { get; init; }

    /// <summary>minCodedExtent.</summary>
    public VkExtent2D MinExtent { get; init; }

    /// <summary>maxCodedExtent.</summary>
    public VkExtent2D MaxExtent { get; init; }

    /// <summary>maxDpbSlots.</summary>
    public uint MaxDpbSlots { get; init; }

    /// <summary>maxActiveReferencePictures.</summary>
    public uint MaxActiveReferences { get; init; }

    /// <summary>The codec's maximum level (StdVideo level idc value).</summary>
    public uint MaxLevel { get; init; }

    /// <summary>stdHeaderVersion: the Std header name the driver implements.</summary>
    public string StdHeaderName { get; init; } = "";

    /// <summary>stdHeaderVersion: its spec version.</summary>
    public uint StdHeaderVersion { get; init; }

    /// <summary>stdHeaderVersion as the driver returned it, for VkVideoSessionCreateInfoKHR.pStdHeaderVersion.</summary>
    public VkExtensionProperties StdHeader { get; init; }

    /// <summary>Encode: VkVideoEncodeCapabilitiesKHR.rateControlModes.</summary>
    public VkVideoEncodeRateControlModeFlagBitsKHR RateControlModes { get; init; }

    /// <summary>Encode: maxBitrate.</summary>
    public ulong MaxBitrate { get; init; }

    /// <summary>Encode: maxQualityLevels.</summary>
    public uint QualityLevels { get; init; }

    /// <summary>Whether DPB slots may be separate images.</summary>
    public bool SeparateReferenceImages => (Flags & VkVideoCapabilityFlagBitsKHR.VK_VIDEO_CAPABILITY_SEPARATE_REFERENCE_IMAGES_BIT_KHR) != 0;

    /// <summary>As <c>reel_video_codec_caps_t</c> reports it; <paramref name="lumaBitDepths"/> are the depths found supported.</summary>
    public CodecCaps ToCodecCaps(uint lumaBitDepths, string implementation)
    {
        uint flags = CodecCaps.FlagHardware;
        if (SeparateReferenceImages)
            flags |= CodecCaps.FlagSeparateReferenceImages;
        if ((Flags & VkVideoCapabilityFlagBitsKHR.VK_VIDEO_CAPABILITY_PROTECTED_CONTENT_BIT_KHR) != 0)
            flags |= CodecCaps.FlagProtectedContent;
        if ((DecodeFlags & VkVideoDecodeCapabilityFlagBitsKHR.VK_VIDEO_DECODE_CAPABILITY_DPB_AND_OUTPUT_COINCIDE_BIT_KHR) != 0)
            flags |= CodecCaps.FlagDpbAndOutputCoincide;
        if ((DecodeFlags & VkVideoDecodeCapabilityFlagBitsKHR.VK_VIDEO_DECODE_CAPABILITY_DPB_AND_OUTPUT_DISTINCT_BIT_KHR) != 0)
            flags |= CodecCaps.FlagDpbAndOutputDistinct;
        return new CodecCaps
        {
            Operation = Operation,
            Profile = StdProfile,
            MaxLevel = MaxLevel,
            MinWidth = MinExtent.width,
            MinHeight = MinExtent.height,
            MaxWidth = MaxExtent.width,
            MaxHeight = MaxExtent.height,
            WidthGranularity = Granularity.width,
            HeightGranularity = Granularity.height,
            MaxDpbSlots = MaxDpbSlots,
            MaxActiveReferences = MaxActiveReferences,
            BitstreamOffsetAlignment = BitstreamOffsetAlignment,
            BitstreamSizeAlignment = BitstreamSizeAlignment,
            LumaBitDepths = lumaBitDepths,
            ChromaSubsampling = (uint)VkVideoChromaSubsamplingFlagBitsKHR.VK_VIDEO_CHROMA_SUBSAMPLING_420_BIT_KHR,
            RateControlModes = (uint)RateControlModes,
            MaxBitrate = MaxBitrate,
            QualityLevels = QualityLevels,
            Flags = flags,
            Implementation = implementation,
        };
    }
}
