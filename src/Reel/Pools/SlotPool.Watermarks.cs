using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Reel.Pools;

// The peak of buffers in use and the idle low-water mark of the trim period, derived on
// acquire without a shared counter. In use = allocated - idle, and idle = the shared ring +
// every thread cache. Summing the caches reads lines other threads write, so an acquire from
// the thread's own cache first bounds the result with what it can read cheaply (the ring's
// positions and the allocated count change only on slow paths, so in the steady state their
// lines stay in every core's cache): idle >= ring + own cache, in use <= allocated - that.
// Only when the bound could set a new peak or low-water mark does it sum the caches. With one
// thread the bound is exact; with several each value is read without stopping the others, as
// every pool counter is. Slow paths that move idle buffers (take-back, trim, growth) bump
// _moves around their work, and the exact count is retaken if one ran meanwhile, so a buffer
// on its way from a cache to the ring is never counted as in use.
public sealed partial class SlotPool
{
    /// <summary>Odd while a slow path moves idle buffers or changes the allocated count (under the lock).</summary>
    private int _moves;

    /// <summary>Nesting of <see cref="BeginMoves"/> (slow paths call each other); under the lock.</summary>
    private int _moveDepth;

    /// <summary>Exact counts that changed nothing before a thread tries to take idle caches back.</summary>
    internal const int LooseBoundsBeforeTakeBack = 1024;

    /// <summary>After a take from this thread's cache, which holds <paramref name="cachedHere"/> more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ObserveLocalTake(ThreadSlotCache cache, int cachedHere)
    {
        // The ring first: a growth after it makes the bound larger, never smaller.
        int idleAtLeast = _ring.Count + cachedHere;
        if (idleAtLeast < Volatile.Read(ref _idleLowWater)
            || Volatile.Read(ref _allocated) - idleAtLeast > Volatile.Read(ref _peakInUse))
        {
            ObserveLoosely(cache);
        }
    }

    /// <summary>
    /// The bound said maybe: count exactly. When that keeps changing nothing, idle buffers sit
    /// in other threads' caches (threads that stopped using the pool or ended) and make the
    /// bound loose; every <see cref="LooseBoundsBeforeTakeBack"/> such counts the thread takes
    /// the caches back (if the pool lock is free), which empties them and drops the dead ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveLoosely(ThreadSlotCache cache)
    {
        if (ObserveExactly() || ++cache.LooseBounds < LooseBoundsBeforeTakeBack)
            return;
        cache.LooseBounds = 0;
        if (Monitor.TryEnter(_lock))
        {
            try
            {
                DrainThreadCaches();
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }
    }

    /// <summary>After an acquire: counts the idle buffers and updates the low-water mark and the peak; true if either changed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ObserveExactly()
    {
        var spinner = new SpinWait();
        for (int attempt = 0; attempt < 16; attempt++)
        {
            int before = Volatile.Read(ref _moves);
            if ((before & 1) == 0)
            {
                // Acquire reads in this order: the second read of _moves comes after all of them.
                int allocated = Volatile.Read(ref _allocated);
                // Caches before the ring: a take-back enqueues before it empties a cache, so a
                // buffer moving meanwhile is counted at least once.
                int idle = CachedCount() + _ring.Count;
                if (Volatile.Read(ref _moves) == before)
                {
                    bool changed = false;
                    if (idle < Volatile.Read(ref _idleLowWater))
                        changed = LowerIdleLowWater(idle);
                    if (allocated - idle > Volatile.Read(ref _peakInUse))
                        changed |= RaisePeak(allocated - idle);
                    return changed;
                }
            }
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        // Slow paths kept moving buffers: this acquire is not observed (the next one is).
        return true;
    }

    /// <summary>A slow path starts moving idle buffers or changing the allocated count; call under the lock, pair with <see cref="EndMoves"/>.</summary>
    private void BeginMoves()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Buffers move under the pool lock.");
        if (_moveDepth++ == 0)
            Interlocked.Increment(ref _moves);
    }

    /// <summary>The slow path's moves are done.</summary>
    private void EndMoves()
    {
        if (--_moveDepth == 0)
            Interlocked.Increment(ref _moves);
    }

    private bool LowerIdleLowWater(int idle)
    {
        int low = Volatile.Read(ref _idleLowWater);
        while (idle < low)
        {
            int seen = Interlocked.CompareExchange(ref _idleLowWater, idle, low);
            if (seen == low)
                return true;
            low = seen;
        }
        return false;
    }

    private bool RaisePeak(int inUse)
    {
        int peak = Volatile.Read(ref _peakInUse);
        while (inUse > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakInUse, inUse, peak);
            if (seen == peak)
                return true;
            peak = seen;
        }
        return false;
    }
}
