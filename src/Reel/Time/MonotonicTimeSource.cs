using System.Diagnostics;

namespace Reel.Time;

/// <summary>The default time source: Stopwatch (CLOCK_MONOTONIC on Linux).</summary>
public sealed class MonotonicTimeSource : TimeSource
{
    /// <summary>The shared instance.</summary>
    public static readonly MonotonicTimeSource Instance = new();

    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    /// <inheritdoc/>
    public override long NowNanoseconds => (long)(Stopwatch.GetTimestamp() * s_nanosecondsPerTick);
}
