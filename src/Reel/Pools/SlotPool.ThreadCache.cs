using System;
using System.Threading;

using Reel.Context;

namespace Reel.Pools;

// Opt-in per-thread caches (REEL_POOL_FLAG_THREAD_CACHE). Cross-core cache-line transfers,
// not instructions, bound a shared ring when threads hammer one pool (measured: a bare C
// Vyukov ring drops from 51 M to 4 M pairs/s with a second thread on the 2-core CI VM).
// A thread that releases and acquires the same pool keeps up to ThreadCacheCapacity of its
// released buffers and reuses them oldest first once ThreadCacheReuseDepth wait, touching
// only its own lines. At the cap (and once per trim period) all caches go back to the ring. The price: oldest-first reuse holds per thread, not across threads,
// which is why it is not the default (a GPU may still read a buffer another thread released).
public sealed partial class SlotPool
{
    /// <summary>Buffers a thread keeps from its own releases.</summary>
    public const int ThreadCacheCapacity = 4;

    /// <summary>A thread reuses from its cache only when this many wait, so a released buffer waits behind at least one other.</summary>
    public const int ThreadCacheReuseDepth = 2;

    /// <summary>This thread's caches, indexed by slot-pool registry index.</summary>
    [ThreadStatic] private static ThreadSlotCache?[]? t_caches;

    /// <summary>Every thread's cache of this pool, for taking back, stats, trimming and teardown (copy on write under the lock).</summary>
    private ThreadSlotCache[] _threadCaches = [];

    private bool TryTakeFromLocalCache(out int slot)
    {
        FreeSlotRing ring = LocalCache().Ring;
        if (ring.Count >= ThreadCacheReuseDepth && ring.TryDequeue(out slot))
            return true;
        slot = -1;
        return false;
    }

    /// <summary>Keeps a returned slot in this thread's cache; false when it is full or someone waits for a buffer.</summary>
    private bool TryReturnToLocalCache(int slot) =>
        Volatile.Read(ref _waiters) == 0 && LocalCache().Ring.TryEnqueue(slot);

    /// <summary>Moves every cached slot back to the shared ring and takes one (the ring ran dry at the cap).</summary>
    private bool TakeBackCachedSlot(out int slot)
    {
        DrainThreadCaches();
        return _ring.TryDequeue(out slot);
    }

    /// <summary>Idle slots held in thread caches.</summary>
    private int CachedCount()
    {
        int count = 0;
        foreach (ThreadSlotCache cache in Volatile.Read(ref _threadCaches))
            count += cache.Ring.Count;
        return count;
    }

    /// <summary>Moves every cached slot to the shared ring (explicit trim, pressure, destroy).</summary>
    private void DrainThreadCaches()
    {
        foreach (ThreadSlotCache cache in Volatile.Read(ref _threadCaches))
        {
            while (cache.Ring.TryDequeue(out int slot))
                _ring.Enqueue(slot);
        }
    }

    private ThreadSlotCache LocalCache()
    {
        ThreadSlotCache?[]? caches = t_caches;
        uint index = RegistryIndex;
        if (caches is not null && index < (uint)caches.Length && caches[index] is { } cache && ReferenceEquals(cache.Pool, this))
            return cache;
        return CreateLocalCache();
    }

    /// <summary>First use on this thread (or the registry index now belongs to another pool): a new cache, registered so the pool can take its buffers back.</summary>
    private ThreadSlotCache CreateLocalCache()
    {
        var cache = new ThreadSlotCache(this, ThreadCacheCapacity);
        ThreadSlotCache?[]? caches = t_caches;
        int index = (int)RegistryIndex;
        if (caches is null || index >= caches.Length)
        {
            Array.Resize(ref caches, Math.Max(index + 1, caches?.Length * 2 ?? 16));
            t_caches = caches;
        }
        caches[index] = cache;
        lock (_lock)
            CopyOnWrite.Add(ref _threadCaches, cache);
        return cache;
    }
}
