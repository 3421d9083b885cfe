using Reel.Backends;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Video;

/// <summary>What the driver reported for one video profile (vkGetPhysicalDeviceVideoCapabilitiesKHR and its chain).</summary>
internal sealed class VideoCaps
{
    /// <summary>The operation queried.</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>The codec profile number queried.</summary>
    public uint StdProfile { get; init; }

    /// <summary>VkVideoCapabilitiesKHR.flags.</summary>
    public VideoCapabilityFlagsKHR Flags { get; init; }

    /// <summary>VkVideoDecodeCapabilitiesKHR.flags (0 for encode).</summary>
    public VideoDecodeCapabilityFlagsKHR DecodeFlags { get; init; }

    /// <summary>minBitstreamBufferOffsetAlignment.</summary>
    public ulong BitstreamOffsetAlignment { get; init; }

    /// <summary>minBitstreamBufferSizeAlignment.</summary>
    public ulong BitstreamSizeAlignment { get; init; }

    /// <summary>pictureAccessGranularity.</summary>
    public Extent2D Granularity { get; init; }

    /// <summary>minCodedExtent.</summary>
    public Extent2D MinExtent { get; init; }

    /// <summary>maxCodedExtent.</summary>
    public Extent2D MaxExtent { get; init; }

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
    public ExtensionProperties StdHeader { get; init; }

    /// <summary>Encode: VkVideoEncodeCapabilitiesKHR.rateControlModes.</summary>
    public VideoEncodeRateControlModeFlagsKHR RateControlModes { get; init; }

    /// <summary>Encode: maxBitrate.</summary>
    public ulong MaxBitrate { get; init; }

    /// <summary>Encode: maxQualityLevels.</summary>
    public uint QualityLevels { get; init; }

    /// <summary>Whether DPB slots may be separate images.</summary>
    public bool SeparateReferenceImages => (Flags & VideoCapabilityFlagsKHR.SeparateReferenceImagesBitKhr) != 0;

    /// <summary>As <c>reel_video_codec_caps_t</c> reports it; <paramref name="lumaBitDepths"/> are the depths found supported.</summary>
    public CodecCaps ToCodecCaps(uint lumaBitDepths, string implementation)
    {
        uint flags = CodecCaps.FlagHardware;
        if (SeparateReferenceImages)
            flags |= CodecCaps.FlagSeparateReferenceImages;
        if ((Flags & VideoCapabilityFlagsKHR.ProtectedContentBitKhr) != 0)
            flags |= CodecCaps.FlagProtectedContent;
        if ((DecodeFlags & VideoDecodeCapabilityFlagsKHR.CoincideBitKhr) != 0)
            flags |= CodecCaps.FlagDpbAndOutputCoincide;
        if ((DecodeFlags & VideoDecodeCapabilityFlagsKHR.DistinctBitKhr) != 0)
            flags |= CodecCaps.FlagDpbAndOutputDistinct;
        return new CodecCaps
        {
            Operation = Operation,
            Profile = StdProfile,
            MaxLevel = MaxLevel,
            MinWidth = MinExtent.Width,
            MinHeight = MinExtent.Height,
            MaxWidth = MaxExtent.Width,
            MaxHeight = MaxExtent.Height,
            WidthGranularity = Granularity.Width,
            HeightGranularity = Granularity.Height,
            MaxDpbSlots = MaxDpbSlots,
            MaxActiveReferences = MaxActiveReferences,
            BitstreamOffsetAlignment = BitstreamOffsetAlignment,
            BitstreamSizeAlignment = BitstreamSizeAlignment,
            LumaBitDepths = lumaBitDepths,
            ChromaSubsampling = (uint)VideoChromaSubsamplingFlagsKHR.Subsampling420BitKhr,
            RateControlModes = (uint)RateControlModes,
            MaxBitrate = MaxBitrate,
            QualityLevels = QualityLevels,
            Flags = flags,
            Implementation = implementation,
        };
    }
}
