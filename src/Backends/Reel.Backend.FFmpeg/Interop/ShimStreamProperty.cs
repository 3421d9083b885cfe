namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_stream_property_t: what reelff_demuxer_stream_property reads.</summary>
internal enum ShimStreamProperty
{
    /// <summary>A <see cref="ShimMediaType"/>.</summary>
    MediaType = 1,
    /// <summary>A <see cref="ShimCodec"/>.</summary>
    Codec = 2,
    /// <summary>Time base numerator of the stream's timestamps.</summary>
    TimeBaseNum = 3,
    /// <summary>Time base denominator.</summary>
    TimeBaseDen = 4,
    /// <summary>First pts; REELFF_NOPTS unknown.</summary>
    StartTime = 5,
    /// <summary>Duration in the time base; 0 unknown.</summary>
    Duration = 6,
    /// <summary>Exact frame/packet count when the container says, else 0.</summary>
    FrameCount = 7,
    /// <summary>Entries of the container's index known so far.</summary>
    IndexEntries = 8,
    /// <summary>Width.</summary>
    Width = 9,
    /// <summary>Height.</summary>
    Height = 10,
    /// <summary>Average frame rate numerator.</summary>
    FrameRateNum = 11,
    /// <summary>Average frame rate denominator.</summary>
    FrameRateDen = 12,
    /// <summary>A <see cref="ShimPixelFormat"/>.</summary>
    PixelFormat = 13,
    /// <summary>Audio sample rate.</summary>
    SampleRate = 14,
    /// <summary>Audio channels.</summary>
    Channels = 15,
    /// <summary>Bits per second, 0 unknown.</summary>
    BitRate = 16,
    /// <summary>Encoder delay in samples (Opus pre-skip).</summary>
    InitialPadding = 17,
    /// <summary>Audio samples per packet, 0 variable/unknown.</summary>
    FrameSize = 18,
    /// <summary>Bits per coded or raw sample.</summary>
    BitsPerSample = 19,
    /// <summary>Stream -1 only: the file's duration in microseconds.</summary>
    FileDurationMicroseconds = 100,
    /// <summary>Stream -1 only: the file's size in bytes.</summary>
    FileSize = 101,
}
