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
// every pool counter is.
public sealed partial class SlotPool
{
    /// <summary>After a take from this thread's cache, which holds <paramref name="cachedHere"/> more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ObserveLocalTake(int cachedHere)
    {
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
        int idle = _ring.Count + CachedCount();
        if (idle < Volatile.Read(ref _idleLowWater))
            LowerIdleLowWater(idle);
        int inUse = Volatile.Read(ref _allocated) - idle;
        if (inUse > Volatile.Read(ref _peakInUse))
            RaisePeak(inUse);
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
