namespace Reel.Containers;

/// <summary>One stream of a media file as its container declares it (unknown values are 0).</summary>
/// <param name="Index">Stream index in the file.</param>
/// <param name="Kind">Video, audio or other.</param>
/// <param name="CodecName">The codec's FFmpeg name ("av1", "opus", "aac", "pcm_s16le").</param>
/// <param name="TimeBaseNumerator">Time base of the stream's timestamps (numerator).</param>
/// <param name="TimeBaseDenominator">Time base denominator.</param>
/// <param name="DurationSeconds">Duration, from the stream or else the file; 0 unknown.</param>
/// <param name="FrameCount">Frames (video) or packets (audio) the container declares; 0 unknown (Matroska).</param>
/// <param name="Width">Video width.</param>
/// <param name="Height">Video height.</param>
/// <param name="FpsNumerator">Video frame rate numerator.</param>
/// <param name="FpsDenominator">Video frame rate denominator.</param>
/// <param name="SampleRate">Audio sample rate.</param>
/// <param name="Channels">Audio channels.</param>
/// <param name="SampleCount">Audio samples per channel (duration at the sample rate, less the encoder delay); 0 unknown.</param>
/// <param name="BitRate">Bits per second; 0 unknown.</param>
/// <param name="IndexEntries">Entries of the container's seek index.</param>
public sealed record MediaStreamInfo(
    int Index,
    MediaStreamKind Kind,
    string CodecName,
    int TimeBaseNumerator,
    int TimeBaseDenominator,
    double DurationSeconds,
    long FrameCount,
    int Width,
    int Height,
    int FpsNumerator,
    int FpsDenominator,
    int SampleRate,
    int Channels,
    long SampleCount,
    long BitRate,
    long IndexEntries);
