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

    /// <summary>After a take from this thread's cache, which holds <paramref name="cachedHere"/> more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ObserveLocalTake(int cachedHere)
    {
        // The ring first: a growth after it makes the bound larger, never smaller.
        int idleAtLeast = _ring.Count + cachedHere;
        if (idleAtLeast < Volatile.Read(ref _idleLowWater)
            || Volatile.Read(ref _allocated) - idleAtLeast > Volatile.Read(ref _peakInUse))
        {
            ObserveExactly();
        }
    }

    /// <summary>After an acquire: counts the idle buffers and updates the low-water mark and the peak.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveExactly()
    {
        var spinner = new SpinWait();
        for (int attempt = 0; attempt < 16; attempt++)
        {
            int before = Volatile.Read(ref _moves);
            if ((before & 1) == 0)
            {
                int allocated = Volatile.Read(ref _allocated);
                // Caches before the ring: a take-back enqueues before it empties a cache, so a
                // buffer moving meanwhile is counted at least once.
                int idle = CachedCount() + _ring.Count;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _moves) == before)
                {
                    if (idle < Volatile.Read(ref _idleLowWater))
                        LowerIdleLowWater(idle);
                    if (allocated - idle > Volatile.Read(ref _peakInUse))
                        RaisePeak(allocated - idle);
                    return;
                }
            }
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        // Slow paths kept moving buffers: this acquire is not observed (the next one is).
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

    private void LowerIdleLowWater(int idle)
    {
        int low = Volatile.Read(ref _idleLowWater);
        while (idle < low)
        {
            int seen = Interlocked.CompareExchange(ref _idleLowWater, idle, low);
            if (seen == low)
                return;
            low = seen;
        }
    }

    private void RaisePeak(int inUse)
    {
        int peak = Volatile.Read(ref _peakInUse);
        while (inUse > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakInUse, inUse, peak);
            if (seen == peak)
                return;
            peak = seen;
        }
    }
}
