namespace Reel.Backends;

/// <summary>
/// What one backend can do for one codec operation (<c>reel_video_codec_caps_t</c>): the profile
/// the numbers were measured for, the highest level, coded extents, reference limits,
/// bitstream alignments and rate-control modes. Hardware backends fill it from the driver
/// (Vulkan video capabilities); software backends from what their library supports.
/// Zero means "not reported" for every numeric field except the extents' minimum.
/// </summary>
public sealed class CodecCaps
{
    /// <summary>reel_video_codec_caps_t.flags: DPB slots may be separate images (VK_VIDEO_CAPABILITY_SEPARATE_REFERENCE_IMAGES_BIT_KHR).</summary>
    public const uint FlagSeparateReferenceImages = 0x1;

    /// <summary>reel_video_codec_caps_t.flags: decode output may be the DPB picture itself.</summary>
    public const uint FlagDpbAndOutputCoincide = 0x2;

    /// <summary>reel_video_codec_caps_t.flags: decode output may be an image distinct from the DPB.</summary>
    public const uint FlagDpbAndOutputDistinct = 0x4;

    /// <summary>reel_video_codec_caps_t.flags: the operation runs on dedicated hardware.</summary>
    public const uint FlagHardware = 0x8;

    /// <summary>reel_video_codec_caps_t.flags: protected content is supported.</summary>
    public const uint FlagProtectedContent = 0x10;

    /// <summary>LumaBitDepths bit: 8-bit (VK_VIDEO_COMPONENT_BIT_DEPTH_8_BIT_KHR).</summary>
    public const uint BitDepth8 = 0x1;

    /// <summary>LumaBitDepths bit: 10-bit.</summary>
    public const uint BitDepth10 = 0x4;

    /// <summary>LumaBitDepths bit: 12-bit.</summary>
    public const uint BitDepth12 = 0x10;

    /// <summary>ChromaSubsampling bit: 4:2:0 (VK_VIDEO_CHROMA_SUBSAMPLING_420_BIT_KHR).</summary>
    public const uint Subsampling420 = 0x2;

    /// <summary>RateControlModes bit: constant QP (VK_VIDEO_ENCODE_RATE_CONTROL_MODE_DISABLED_BIT_KHR).</summary>
    public const uint RateControlCqp = 0x1;

    /// <summary>RateControlModes bit: constant bitrate.</summary>
    public const uint RateControlCbr = 0x2;

    /// <summary>RateControlModes bit: variable bitrate.</summary>
    public const uint RateControlVbr = 0x4;

    /// <summary>RateControlModes bit: constant quality (CRF); Reel's own, no Vulkan equivalent.</summary>
    public const uint RateControlCrf = 0x8;

    /// <summary>The operation (decode or encode of one codec).</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>The codec's own profile number the caps were queried for (StdVideo profile idc / AV1 seq_profile).</summary>
    public uint Profile { get; init; }

    /// <summary>The highest level, in the codec's own numbering (StdVideo level idc values).</summary>
    public uint MaxLevel { get; init; }

    /// <summary>Smallest coded width in pixels.</summary>
    public uint MinWidth { get; init; }

    /// <summary>Smallest coded height in pixels.</summary>
    public uint MinHeight { get; init; }

    /// <summary>Largest coded width in pixels.</summary>
    public uint MaxWidth { get; init; }

    /// <summary>Largest coded height in pixels.</summary>
    public uint MaxHeight { get; init; }

    /// <summary>Coded extents are multiples of this width (picture access granularity).</summary>
    public uint WidthGranularity { get; init; }

    /// <summary>Coded extents are multiples of this height.</summary>
    public uint HeightGranularity { get; init; }

    /// <summary>Most DPB slots a session may have.</summary>
    public uint MaxDpbSlots { get; init; }

    /// <summary>Most reference pictures one picture may use.</summary>
    public uint MaxActiveReferences { get; init; }

    /// <summary>Bitstream buffer offsets must be multiples of this.</summary>
    public ulong BitstreamOffsetAlignment { get; init; }

    /// <summary>Bitstream buffer ranges must be multiples of this.</summary>
    public ulong BitstreamSizeAlignment { get; init; }

    /// <summary>Supported luma bit depths as bits: 0x1 = 8, 0x4 = 10, 0x10 = 12 (VkVideoComponentBitDepthFlagBitsKHR).</summary>
    public uint LumaBitDepths { get; init; }

    /// <summary>Supported chroma subsampling as bits: 0x1 = 4:0:0, 0x2 = 4:2:0, 0x4 = 4:2:2, 0x8 = 4:4:4.</summary>
    public uint ChromaSubsampling { get; init; }

    /// <summary>Encode rate-control modes as bits: 0x1 = constant QP, 0x2 = CBR, 0x4 = VBR, 0x8 = constant quality (CRF); 0 for decode.</summary>
    public uint RateControlModes { get; init; }

    /// <summary>Encode: highest bitrate in bits per second; 0 for decode or unknown.</summary>
    public ulong MaxBitrate { get; init; }

    /// <summary>Encode: number of quality levels (presets); 0 for decode.</summary>
    public uint QualityLevels { get; init; }

    /// <summary>Flag* bits.</summary>
    public uint Flags { get; init; }

    /// <summary>The library or driver that implements it, e.g. "dav1d 1.0.0" or "NVIDIA 580.159".</summary>
    public string Implementation { get; init; } = "";
}
