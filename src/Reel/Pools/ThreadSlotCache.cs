namespace Reel.Pools;

/// <summary>
/// One thread's cache of the buffers it released to one slot pool
/// (<c>REEL_POOL_FLAG_THREAD_CACHE</c>): a small FIFO ring only that thread touches on the hot
/// path, so acquire and release share no cache line with other threads. At the pool's cap,
/// and once per trim period, its buffers go back to the shared ring.
/// </summary>
internal sealed class ThreadSlotCache
{
    public ThreadSlotCache(SlotPool pool, int capacity)
    {
        Pool = pool;
        Ring = new FreeSlotRing(capacity);
    }

    /// <summary>The slot pool it caches for (thread-local arrays are indexed by registry index, which pools reuse).</summary>
    public SlotPool Pool { get; }

    /// <summary>Released slots, oldest first.</summary>
    public FreeSlotRing Ring { get; }
}
