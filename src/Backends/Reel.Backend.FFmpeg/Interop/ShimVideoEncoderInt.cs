namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_video_encoder_int_t: integer settings of a video encoder.</summary>
internal enum ShimVideoEncoderInt
{
    /// <summary>Width.</summary>
    Width = 1,
    /// <summary>Height.</summary>
    Height = 2,
    /// <summary>A <see cref="ShimPixelFormat"/>.</summary>
    PixelFormat = 3,
    /// <summary>Time base numerator.</summary>
    TimeBaseNum = 4,
    /// <summary>Time base denominator.</summary>
    TimeBaseDen = 5,
    /// <summary>Frame rate numerator.</summary>
    FrameRateNum = 6,
    /// <summary>Frame rate denominator.</summary>
    FrameRateDen = 7,
    /// <summary>A <see cref="ShimRateControl"/>.</summary>
    RateControl = 8,
    /// <summary>QP or CRF.</summary>
    Quality = 9,
    /// <summary>Bits per second.</summary>
    Bitrate = 10,
    /// <summary>Maximum bits per second.</summary>
    MaxBitrate = 11,
    /// <summary>VBV buffer in bits.</summary>
    BufferSize = 12,
    /// <summary>Frames between keyframes.</summary>
    Keyint = 13,
    /// <summary>Consecutive B-frames.</summary>
    BFrames = 14,
    /// <summary>1: no lookahead, no B-frames.</summary>
    LowLatency = 15,
    /// <summary>Threads.</summary>
    Threads = 16,
    /// <summary>1: parameter sets in extradata only.</summary>
    GlobalHeader = 17,
    /// <summary>Level x 10.</summary>
    Level = 18,
}
