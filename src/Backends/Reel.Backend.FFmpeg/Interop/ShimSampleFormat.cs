namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_sample_format_t: interleaved PCM in host byte order.</summary>
internal enum ShimSampleFormat
{
    /// <summary>int16.</summary>
    S16 = 1,
    /// <summary>int32.</summary>
    S32 = 2,
    /// <summary>float, nominal -1..1.</summary>
    F32 = 3,
}
