namespace Reel.Cache;

/// <summary>
/// A snapshot of a <see cref="FrameCache"/>'s counters (cheap: copied under the lock, no
/// allocation). Counters run from creation; Clear does not reset them.
/// </summary>
/// <remarks>
/// An access is a <see cref="FrameCache.TryGet"/> of a frame other than the one asked for
/// just before; asking for the same frame again (a paused playhead, or a poll after a miss)
/// is a <see cref="Repeats">repeat</see> and counts neither as hit nor as miss, so hit rates
/// measure how well the cache predicted the playhead's moves.
/// </remarks>
public readonly struct FrameCacheStats
{
    /// <summary>Accesses served from the cache.</summary>
    public long Hits { get; init; }

    /// <summary>Accesses that missed.</summary>
    public long Misses { get; init; }

    /// <summary>Hits / (hits + misses); 0 before the first access.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    /// <summary>Gets of the frame asked for just before (not counted in the hit rate).</summary>
    public long Repeats { get; init; }

    /// <summary>Accesses while nothing was known yet (first access, after a jump).</summary>
    public PatternStats Unknown { get; init; }

    /// <summary>Accesses during forward play.</summary>
    public PatternStats Forward { get; init; }

    /// <summary>Accesses during reverse play.</summary>
    public PatternStats Reverse { get; init; }

    /// <summary>Accesses while scrubbing.</summary>
    public PatternStats Scrub { get; init; }

    /// <summary>Accesses during A–B loop play.</summary>
    public PatternStats Loop { get; init; }

    /// <summary>Frames found by <see cref="FrameCache.GetRange"/> (not in the access hit rates).</summary>
    public long RangeHits { get; init; }

    /// <summary>Frames <see cref="FrameCache.GetRange"/> did not find.</summary>
    public long RangeMisses { get; init; }

    /// <summary>Frames stored by <see cref="FrameCache.Insert"/>.</summary>
    public long Inserts { get; init; }

    /// <summary>Inserts of a frame number already cached (the new frame was not retained).</summary>
    public long DuplicateInserts { get; init; }

    /// <summary>Requests queued because a consumer missed the frame.</summary>
    public long DemandRequests { get; init; }

    /// <summary>Prefetch requests queued (each counted once, however often it is re-predicted).</summary>
    public long PrefetchRequests { get; init; }

    /// <summary>Prefetch requests producers took: decode work started on a prediction.</summary>
    public long PrefetchIssued { get; init; }

    /// <summary>Frames inserted without a waiting consumer (prefetched, or decoded on the way to another) that were later handed out.</summary>
    public long PrefetchUsed { get; init; }

    /// <summary>Such frames that left the cache without ever being handed out.</summary>
    public long PrefetchWasted { get; init; }

    /// <summary>Waiting requests dropped because the prediction moved on before a producer took them.</summary>
    public long PrefetchCancelled { get; init; }

    /// <summary>Requests producers gave back with <see cref="FrameCache.AbandonRequest"/>.</summary>
    public long RequestsAbandoned { get; init; }

    /// <summary>Frames released to stay within the counts or the memory budget (not counting Clear).</summary>
    public long Evictions { get; init; }

    /// <summary>Bytes of the frames held now.</summary>
    public long BytesHeld { get; init; }

    /// <summary>Frames held now, ring plus LRU.</summary>
    public int FramesHeld => RingFrames + LruFrames;

    /// <summary>Frames in the ring now.</summary>
    public int RingFrames { get; init; }

    /// <summary>Frames in the LRU now.</summary>
    public int LruFrames { get; init; }

    /// <summary>Requests waiting for a producer now.</summary>
    public int QueuedRequests { get; init; }

    /// <summary>Requests taken by producers and not yet inserted or abandoned.</summary>
    public int InFlightRequests { get; init; }

    /// <summary>Producer queue depth now: waiting plus in flight.</summary>
    public int QueueDepth => QueuedRequests + InFlightRequests;

    /// <summary>The pattern detected at the last access.</summary>
    public AccessPattern Pattern { get; init; }

    /// <summary>The stats of one pattern.</summary>
    public PatternStats For(AccessPattern pattern) => pattern switch
    {
        AccessPattern.Forward => Forward,
        AccessPattern.Reverse => Reverse,
        AccessPattern.Scrub => Scrub,
        AccessPattern.Loop => Loop,
        _ => Unknown,
    };
}
