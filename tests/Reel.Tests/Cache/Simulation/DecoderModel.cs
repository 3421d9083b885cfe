namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// What the simulated decoder costs: decoding frame N means decoding every frame from its
/// keyframe (the GOP start) up to N, unless the decoder has just decoded N − 1 of the same run.
/// </summary>
internal sealed class DecoderModel
{
    /// <summary>Frames per GOP: keyframes at multiples of this.</summary>
    public int GopLength { get; init; } = 30;

    /// <summary>Virtual microseconds to decode one frame.</summary>
    public long DecodeMicroseconds { get; init; } = 5_000;

    /// <summary>Bytes of one decoded frame (what the cache's budget counts).</summary>
    public long FrameBytes { get; init; } = 1920 * 1080 * 3 / 2;

    /// <summary>Frames in the clip.</summary>
    public long FrameCount { get; init; } = 18_000;

    /// <summary>The keyframe decoding <paramref name="frame"/> starts from.</summary>
    public long KeyframeOf(long frame) => frame - frame % GopLength;
}
