using Reel.Cache;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// The traces and decoder models the trace tests and the benchmark share, so that the
/// numbers in docs/BENCHMARKS.md are the ones the tests assert.
/// </summary>
internal static class Workloads
{
    /// <summary>Frames per GOP of the simulated clips (1 s at 30 fps).</summary>
    public const int GopLength = 30;

    /// <summary>Frames of the simulated clip (10 minutes at 30 fps).</summary>
    public const long ClipFrames = 18_000;

    /// <summary>Seed of the scrub trace.</summary>
    public const int ScrubSeed = 7;

    /// <summary>
    /// A decoder for the preset's reference resolution (NV12 frame sizes). Decode times are
    /// assumptions for one software decoder thread: 1.5 ms at 480p, 5 ms at 1080p, 16 ms at 4K.
    /// </summary>
    public static DecoderModel ModelFor(FrameCachePreset preset) => preset switch
    {
        FrameCachePreset.Below720p => new DecoderModel { GopLength = GopLength, FrameCount = ClipFrames, FrameBytes = 854 * 480 * 3 / 2, DecodeMicroseconds = 1_500 },
        FrameCachePreset.Uhd4K => new DecoderModel { GopLength = GopLength, FrameCount = ClipFrames, FrameBytes = 3840L * 2160 * 3 / 2, DecodeMicroseconds = 16_000 },
        _ => new DecoderModel { GopLength = GopLength, FrameCount = ClipFrames, FrameBytes = 1920 * 1080 * 3 / 2, DecodeMicroseconds = 5_000 },
    };

    /// <summary>Forward play: 3000 frames (100 s) from the middle of a GOP.</summary>
    public static long[] ForwardTrace() => Traces.Forward(615, 3000);

    /// <summary>Reverse play: 3000 frames down from the middle of a GOP.</summary>
    public static long[] ReverseTrace() => Traces.Reverse(9_014, 3000);

    /// <summary>Scrubbing: 3000 ticks of drags and clicks over the whole clip.</summary>
    public static long[] ScrubTrace() => Traces.Scrub(ScrubSeed, ClipFrames, 3000);

    /// <summary>A–B loop: a 3 s region played 30 times.</summary>
    public static long[] LoopTrace() => Traces.Loop(1_210, 1_299, 30);

    /// <summary>Every trace with its name, in table order.</summary>
    public static (string Name, long[] Trace)[] All() =>
    [
        ("forward", ForwardTrace()),
        ("reverse", ReverseTrace()),
        ("scrub", ScrubTrace()),
        ("loop A-B", LoopTrace()),
    ];
}
