namespace Reel.Tests.Cache.Simulation;

/// <summary>What one trace did against one cache.</summary>
internal sealed class PlaybackResult
{
    /// <summary>Accesses served at their display tick.</summary>
    public long Hits { get; init; }

    /// <summary>Accesses that had to wait for the decoder.</summary>
    public long Misses { get; init; }

    /// <summary>Hits / accesses.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    /// <summary>Virtual microseconds the playhead waited for frames.</summary>
    public long StallMicroseconds { get; init; }

    /// <summary>Frames the decoder decoded: the work prefetch costs.</summary>
    public long FramesDecoded { get; init; }
}
