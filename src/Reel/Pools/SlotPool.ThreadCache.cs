using System.Runtime.CompilerServices;
using System.Threading;

using Reel.Context;

namespace Reel.Pools;

// Per-thread caches, on by default. Cross-core cache-line transfers, not instructions, bound
// a shared ring when threads hammer one pool (on the 2-core CI VM a bare C Vyukov ring drops
// from 51 M to 4 M pairs/s when a second thread joins). A thread that releases a buffer it
// acquired keeps it in its own cache (up to ThreadSlotCache.Capacity) and its next acquire
// takes it back, most recent first (its memory is likely still in the CPU's cache). The
// pool takes every cache back at its cap, when someone waits, at each trim period, on an
// explicit trim and on destroy, so cached buffers are never lost, and a cache its thread
// stopped using is dropped at the second take-back.
public sealed partial class SlotPool
{
    /// <summary>Every thread's cache of this pool, for take-back, stats, trimming and teardown (copy on write under the lock).</summary>
    private ThreadSlotCache[] _threadCaches = [];

    /// <summary>Cache count above which registering one more first drops caches nobody uses (dead threads' caches on pools that never trim).</summary>
    private int _cachesBeforeSweep = 64;

    /// <summary>This thread's cache of this pool, created on its first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ThreadSlotCache LocalCache(PoolThread thread)
    {
        // Most threads work one pool at a time: the last cache used is one load away.
        ThreadSlotCache last = thread.LastCache;
        if (ReferenceEquals(last.Pool, this))
            return last;
        return OtherLocalCache(thread);
    }

    /// <summary>This thread's cache of this pool when it last used another pool.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ThreadSlotCache OtherLocalCache(PoolThread thread)
    {
        ThreadSlotCache?[] caches = thread.Caches;
        uint index = _registryIndex;
        ThreadSlotCache cache = index < (uint)caches.Length && caches[index] is { } found && ReferenceEquals(found.Pool, this)
            ? found
            : CreateLocalCache(thread);
        thread.LastCache = cache;
        return cache;
    }

    /// <summary>First use on this thread (or the registry index now belongs to another pool, or the pool dropped the old cache): a new cache, registered so the pool can take its buffers back.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ThreadSlotCache CreateLocalCache(PoolThread thread)
    {
        var cache = new ThreadSlotCache(this);
        lock (_lock)
        {
            if (_destroyed)
            {
                cache.Flags = ThreadSlotCache.DetachedFlag;
            }
            else
            {
                if (_threadCaches.Length >= _cachesBeforeSweep)
                {
                    // Drops the caches untouched since the previous take-back (threads that
                    // ended); the next sweep waits until the list has doubled again.
                    DrainThreadCaches();
                    _cachesBeforeSweep = System.Math.Max(64, _threadCaches.Length * 2);
                }
                CopyOnWrite.Add(ref _threadCaches, cache);
            }
        }
        thread.Reserve(_registryIndex);
        thread.Caches[_registryIndex] = cache;
        thread.LastCache = cache;
        return cache;
    }

    /// <summary>Keeps a slot this thread acquired and released in its cache; false when the cache is full or flagged, or someone waits for a buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryKeepLocally(PoolThread thread, int slot)
    {
        ThreadSlotCache cache = LocalCache(thread);
        Volatile.Write(ref cache.Busy, 1);
        if (Volatile.Read(ref cache.Flags) == 0)
        {
            int count = cache.Count;
            // A waiter counts itself before it takes the caches back, so either it sees this
            // slot in the cache or this release sees it waiting and feeds the shared ring.
            if (count < ThreadSlotCache.Capacity && Volatile.Read(ref _waiters) == 0)
            {
                cache.Slots[count] = slot;
                cache.Count = count + 1;
                Volatile.Write(ref cache.Busy, 0);
                return true;
            }
        }
        Volatile.Write(ref cache.Busy, 0);
        ReviveLocalCache(thread, cache);
        return false;
    }

    /// <summary>
    /// Slow path of a flagged cache: an unused mark is cleared (the thread is alive), and a
    /// cache the pool dropped is replaced, unless the pool was destroyed.
    /// </summary>
    private void ReviveLocalCache(PoolThread thread, ThreadSlotCache cache)
    {
        int flags = Volatile.Read(ref cache.Flags);
        if (flags == ThreadSlotCache.UnusedFlag)
            Interlocked.CompareExchange(ref cache.Flags, 0, ThreadSlotCache.UnusedFlag);
        else if ((flags & ThreadSlotCache.DetachedFlag) != 0 && !_destroyed)
            CreateLocalCache(thread);
    }

    /// <summary>Moves every cached slot back to the shared ring and takes one (the ring ran dry at the cap).</summary>
    private bool TakeBackCachedSlot(out int slot)
    {
        DrainThreadCaches();
        return _ring.TryDequeue(out slot);
    }

    /// <summary>Idle buffers held in thread caches (exact at rest).</summary>
    internal int CachedBuffers => CachedCount();

    /// <summary>Thread caches the pool knows (live ones, and ended threads' until dropped).</summary>
    internal int ThreadCacheCount => Volatile.Read(ref _threadCaches).Length;

    /// <summary>Idle slots held in thread caches (read without stopping their threads: exact at rest).</summary>
    private int CachedCount()
    {
        int count = 0;
        foreach (ThreadSlotCache cache in Volatile.Read(ref _threadCaches))
            count += Volatile.Read(ref cache.Count);
        return count;
    }

    /// <summary>
    /// Moves every cached slot to the shared ring (take-back at the cap, waits, trims,
    /// destroy), and drops caches not used since the previous take-back. With
    /// <paramref name="detachAll"/> (destroy) every cache is dropped.
    /// </summary>
    private void DrainThreadCaches(bool detachAll = false)
    {
        lock (_lock)
        {
            ThreadSlotCache[] caches = _threadCaches;
            if (caches.Length == 0)
                return;
            foreach (ThreadSlotCache cache in caches)
            {
                int before = Interlocked.Or(ref cache.Flags, ThreadSlotCache.StealingFlag);
                cache.DropAtTakeBack = detachAll || (before & (ThreadSlotCache.UnusedFlag | ThreadSlotCache.DetachedFlag)) != 0;
            }
            // The taker's half of the handshake: after this barrier every owner either sees
            // StealingFlag on its next look or is seen Busy now.
            Interlocked.MemoryBarrierProcessWide();
            BeginMoves();
            try
            {
                TakeBack(caches);
            }
            finally
            {
                EndMoves();
            }
        }
    }

    /// <summary>The second half of <see cref="DrainThreadCaches"/>: every owner is out of its cache or sees StealingFlag.</summary>
    private void TakeBack(ThreadSlotCache[] caches)
    {
        int dropped = 0;
        foreach (ThreadSlotCache cache in caches)
        {
            var spinner = new SpinWait();
            while (Volatile.Read(ref cache.Busy) != 0)
                spinner.SpinOnce();
            // Into the ring before the cache is emptied: an observer counting caches and then
            // the ring sees each buffer at least once (SlotPool.Watermarks.cs).
            for (int j = 0; j < cache.Count; j++)
                _ring.Enqueue(cache.Slots[j]);
            Volatile.Write(ref cache.Count, 0);
            // Releasing the flag publishes Count = 0 to the owner.
            Volatile.Write(ref cache.Flags, cache.DropAtTakeBack ? ThreadSlotCache.DetachedFlag : ThreadSlotCache.UnusedFlag);
            if (cache.DropAtTakeBack)
                dropped++;
        }
        if (dropped > 0)
            Volatile.Write(ref _threadCaches, System.Array.FindAll(caches, cache => !cache.DropAtTakeBack));
    }
}
