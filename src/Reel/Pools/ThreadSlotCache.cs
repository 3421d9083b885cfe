using System.Runtime.CompilerServices;

namespace Reel.Pools;

/// <summary>
/// One thread's cache of buffers it acquired from one slot pool and released again: a small
/// LIFO stack that only its thread touches on the hot path, with no atomic instruction, so
/// threads that share a pool share no cache line while they acquire and release.
/// </summary>
/// <remarks>
/// Other threads take the buffers back (trim, a pool at its cap, waiters, destroy) with an
/// asymmetric handshake: the owner writes <see cref="Busy"/> = 1 and then reads
/// <see cref="Flags"/>; a taker sets <see cref="StealingFlag"/>, runs a process-wide memory
/// barrier (membarrier) and waits for <see cref="Busy"/> = 0. After the barrier either the
/// owner sees the flag and leaves the cache alone, or the taker sees the owner busy and waits
/// for it to finish; the owner's fast path needs only plain loads and stores, and the barrier
/// (tens of microseconds) is paid on slow paths only.
/// </remarks>
internal sealed class ThreadSlotCache
{
    /// <summary>Buffers a thread keeps per slot pool.</summary>
    public const int Capacity = 4;

    /// <summary>Another thread is taking the buffers: the owner uses the shared ring meanwhile.</summary>
    public const int StealingFlag = 1;

    /// <summary>
    /// Set on every cache when the pool takes the caches back; the owner's next use of the
    /// cache clears it. A cache still marked at the next take-back was not used in between
    /// (its thread stopped using the pool, or ended) and is dropped from the pool.
    /// </summary>
    public const int UnusedFlag = 2;

    /// <summary>The pool was destroyed or dropped this cache: nothing goes into it again.</summary>
    public const int DetachedFlag = 4;

    public ThreadSlotCache(SlotPool? pool) => Pool = pool;

    /// <summary>A cache of no pool: what a thread's last-used cache is before it used any.</summary>
    public static readonly ThreadSlotCache None = new(null) { Flags = DetachedFlag };

    /// <summary>The slot pool it caches for (thread-local arrays are indexed by registry index, which pools reuse); null only for <see cref="None"/>.</summary>
    public SlotPool? Pool { get; }

    /// <summary>1 while the owner reads or changes <see cref="Count"/> and <see cref="Slots"/>.</summary>
    public int Busy;

    /// <summary>StealingFlag, UnusedFlag and DetachedFlag bits; 0 when the owner may use the cache.</summary>
    public int Flags;

    /// <summary>Slots in <see cref="Slots"/>; the last one was released most recently.</summary>
    public int Count;

    /// <summary>Owner only: exact counts after takes from this cache that changed nothing (SlotPool.Watermarks.cs).</summary>
    public int LooseBounds;

    /// <summary>Whether the take-back in progress drops this cache; written by the taker under the pool lock.</summary>
    public bool DropAtTakeBack;

    /// <summary>Cached slot indices.</summary>
    public SlotStack Slots;

    /// <summary>Room for <see cref="Capacity"/> slot indices inside the cache object.</summary>
    [InlineArray(Capacity)]
    public struct SlotStack
    {
        private int _first;
    }
}
