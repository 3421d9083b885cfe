namespace Reel.Pools;

/// <summary>
/// A snapshot of a pool's counters (<c>reel_pool_stats_t</c>). Counts are exact when no
/// operation is in progress; under concurrent use each is exact but they are not read at
/// one instant. Invariant at rest: <see cref="Allocated"/> = <see cref="Available"/> + <see cref="InUse"/>.
/// </summary>
public struct PoolStats
{
    /// <summary>The cap (max); for byte pools the sum over classes.</summary>
    public uint Capacity;
    /// <summary>Buffers with memory.</summary>
    public uint Allocated;
    /// <summary>Idle buffers with memory, ready to be acquired.</summary>
    public uint Available;
    /// <summary>Buffers handed out and not yet returned.</summary>
    public uint InUse;
    /// <summary>Highest <see cref="InUse"/> seen.</summary>
    public uint PeakInUse;
    /// <summary>Buffers handed out.</summary>
    public ulong Acquires;
    /// <summary>Buffers returned (last reference released).</summary>
    public ulong Releases;
    /// <summary>Buffer allocations (acquires the free list could not serve, plus preallocation).</summary>
    public ulong Misses;
    /// <summary>Acquires that waited (WAIT policy).</summary>
    public ulong Waits;
    /// <summary>Total time spent waiting, in nanoseconds.</summary>
    public ulong WaitNanoseconds;
    /// <summary>Buffers allocated past the cap (GROW policy).</summary>
    public ulong GrowsPastCap;
    /// <summary>Idle buffers freed by trimming (explicit or by age).</summary>
    public ulong Trims;
    /// <summary>Bytes of buffer memory held: Allocated × buffer size.</summary>
    public ulong BytesHeld;

    /// <summary>Adds another pool's (or size class's) counters; the peak adds too, as an upper bound.</summary>
    public void Add(in PoolStats other)
    {
        Capacity += other.Capacity;
        Allocated += other.Allocated;
        Available += other.Available;
        InUse += other.InUse;
        PeakInUse += other.PeakInUse;
        Acquires += other.Acquires;
        Releases += other.Releases;
        Misses += other.Misses;
        Waits += other.Waits;
        WaitNanoseconds += other.WaitNanoseconds;
        GrowsPastCap += other.GrowsPastCap;
        Trims += other.Trims;
        BytesHeld += other.BytesHeld;
    }
}
