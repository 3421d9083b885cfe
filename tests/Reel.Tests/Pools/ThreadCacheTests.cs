using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>
/// Per-thread caches (every pool has them): a thread reuses what it released; hand-offs go
/// through the shared ring; cached buffers are never lost (cap, waits, trim, destroy, ended
/// threads) and stats stay exact.
/// </summary>
public class ThreadCacheTests : PoolFixture
{
    [Test]
    public void SameThread_GetsBackItsLastRelease()
    {
        FramePool pool = Frames(config: Config(max: 8));
        Handle a = Acquire(pool), b = Acquire(pool);
        nint mb = MemoryOf(b);
        Release(a);
        Release(b);
        Handle c = Acquire(pool);
        Assert.That(MemoryOf(c), Is.EqualTo(mb), "the most recent release comes back first");
        Release(c);
        AssertBalanced(pool);
    }

    [Test]
    public void BufferReleasedByAnotherThread_GoesToTheSharedRing_ForItsProducer()
    {
        // A decoder thread acquires, an encoder thread releases: the encoder keeps nothing,
        // and the decoder's next acquire gets the buffer back without the pool growing.
        FramePool pool = Frames(config: Config(max: 8));
        Handle frame = Acquire(pool);
        nint memory = MemoryOf(frame);
        var consumer = new Thread(() => Release(frame));
        consumer.Start();
        consumer.Join();
        Assert.That(pool.SlotPools[0].CachedBuffers, Is.Zero, "the releasing thread did not acquire it, so it does not keep it");
        Handle again = Acquire(pool);
        Assert.That(MemoryOf(again), Is.EqualTo(memory));
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(1u));
        Release(again);
    }

    [Test]
    public void AtTheCap_AnotherThreadsCachedBuffersAreTakenBack_BeforeFailing()
    {
        FramePool pool = Frames(config: Config(max: 2));
        RunOnAnotherThread(() =>
        {
            Handle x = Acquire(pool), y = Acquire(pool);
            Release(x);
            Release(y);                 // both idle, in the other thread's cache
        });
        Assert.That(pool.GetStats().Available, Is.EqualTo(2u), "cached buffers count as available");
        Handle a = Acquire(pool), b = Acquire(pool);
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(2u), "taken back, not grown past the cap");
        Release(a);
        Release(b);
        AssertBalanced(pool);
    }

    [Test]
    public void Trim_ReachesCachedBuffers_OfLiveAndEndedThreads()
    {
        FramePool pool = Frames(config: Config(max: 8));
        var held = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool) };
        held.ForEach(Release);          // this thread's cache: 3
        RunOnAnotherThread(() => Release(Acquire(pool)));   // an ended thread's cache: 1
        Assert.That(pool.SlotPools[0].CachedBuffers, Is.EqualTo(4));
        Assert.That(pool.Trim(0), Is.EqualTo(4));
        Assert.That(pool.GetStats().Allocated, Is.Zero);
    }

    [Test]
    public void EndedThreadsCache_IsEmptiedAtTheFirstTakeBack_AndDroppedAtTheSecond()
    {
        FramePool pool = Frames(config: Config(max: 8));
        RunOnAnotherThread(() => Release(Acquire(pool)));
        Release(Acquire(pool));
        SlotPool slotPool = pool.SlotPools[0];
        Assert.That(slotPool.ThreadCacheCount, Is.EqualTo(2));
        pool.Trim(8);                   // take-back 1: the buffers go to the ring, kept there
        Assert.That((slotPool.CachedBuffers, pool.GetStats().Available), Is.EqualTo((0, 2u)));
        Release(Acquire(pool));         // this thread uses its cache again; the ended one cannot
        pool.Trim(8);                   // take-back 2: the unused cache is dropped
        Assert.That(slotPool.ThreadCacheCount, Is.EqualTo(1));
        AssertBalanced(pool);
    }

    [Test]
    public void Destroy_FreesCachedBuffers()
    {
        FramePool pool = Frames(config: Config(max: 8));
        long before = LiveBlocks;
        var held = new List<Handle> { Acquire(pool), Acquire(pool) };
        held.ForEach(Release);
        RunOnAnotherThread(() => Release(Acquire(pool)));
        Assert.That(LiveBlocks, Is.EqualTo(before + 3));
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(LiveBlocks, Is.EqualTo(before), "cached idle buffers are freed with the pool");
    }

    [Test]
    public void ReleaseAfterDestroy_OfACachingThread_FreesTheBuffer()
    {
        FramePool pool = Frames(config: Config(max: 8));
        Release(Acquire(pool));         // this thread has a cache
        Handle held = Acquire(pool);
        long before = LiveBlocks;
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Release(held);                  // its cache is detached: the buffer is freed, not kept
        Assert.That(LiveBlocks, Is.EqualTo(before - 1));
    }

    [Test]
    public void WaitPolicy_WaiterGetsABufferTheHolderWouldHaveCached()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: PoolConfig.WaitForever));
        Handle held = Acquire(pool);
        var waiter = new Thread(() => Release(Acquire(pool)));
        waiter.Start();
        Thread.Sleep(50);
        Release(held);                  // a waiter exists: the buffer goes to the shared ring, not this thread's cache
        Assert.That(waiter.Join(5000), Is.True);
        AssertBalanced(pool);
    }

    [Test]
    public void Stats_StayExact_WhenBuffersComeFromTheCache()
    {
        FramePool pool = Frames(config: Config(max: 8));
        var held = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool) };
        held.ForEach(Release);
        held.Clear();
        for (int i = 0; i < 3; i++)
            held.Add(Acquire(pool));    // all three from this thread's cache
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.Available, stats.InUse, stats.PeakInUse, stats.Acquires, stats.Releases),
            Is.EqualTo((3u, 0u, 3u, 3u, 6UL, 3UL)));
        held.Add(Acquire(pool));        // a fourth: the peak rises from a cache-path view too
        Release(held[0]);
        Release(held[1]);
        Handle again = Acquire(pool);   // from the cache, in use back to 3: the peak stays 4
        stats = pool.GetStats();
        Assert.That((stats.InUse, stats.PeakInUse, stats.Available), Is.EqualTo((3u, 4u, 1u)));
        Release(again);
        Release(held[2]);
        Release(held[3]);
        AssertBalanced(pool);
    }

    [Test]
    public void Peak_IsNotOverstated_WhileCachesAreTakenBack()
    {
        // Four threads each hold at most one buffer while another thread keeps taking their
        // caches back (trim without freeing): buffers moving from a cache to the ring must
        // never be counted as in use.
        FramePool pool = Frames(config: Config(max: 16, initial: 16));
        bool stop = false;
        var workers = new List<Thread>();
        for (int t = 0; t < 4; t++)
        {
            workers.Add(new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                    Release(Acquire(pool));
            }));
        }
        workers.ForEach(w => w.Start());
        // Counts, not a time: a loaded machine only makes it slower.
        int takeBacks = 0;
        while (takeBacks < 500 || pool.GetStats().Acquires < 20_000)
        {
            pool.Trim(16);              // frees nothing: every cache goes back to the ring
            takeBacks++;
        }
        Volatile.Write(ref stop, true);
        workers.ForEach(w => w.Join());
        PoolStats stats = pool.GetStats();
        TestContext.Out.WriteLine($"{stats.Acquires} acquires, {takeBacks} take-backs, peak {stats.PeakInUse}");
        Assert.That(stats.PeakInUse, Is.InRange(1u, 4u));
        Assert.That(stats.Trims, Is.Zero);
        AssertBalanced(pool);
    }

    [Test]
    public void BuffersIdleInAnEndedThreadsCache_AreTakenBack_OnceTheyKeepTheStatsCheckLoose()
    {
        // An ended thread's 4 cached buffers make this thread's cheap stats bound loose (they
        // might be in use), so every take from its cache counted all caches. After
        // LooseBoundsBeforeTakeBack such counts it takes the caches back, and the bound is
        // tight again.
        FramePool pool = Frames(config: Config(max: 8, initial: 8));
        RunOnAnotherThread(() =>
        {
            var held = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool), Acquire(pool) };
            held.ForEach(Release);
        });
        SlotPool slotPool = pool.SlotPools[0];
        Assert.That(slotPool.CachedBuffers, Is.EqualTo(4));
        for (int i = 0; i < SlotPool.LooseBoundsBeforeTakeBack + 10; i++)
            Release(Acquire(pool));
        Assert.That(slotPool.CachedBuffers, Is.EqualTo(1), "only this thread's buffer is cached; the ended thread's went back to the ring");
        PoolStats stats = pool.GetStats();
        Assert.That((stats.PeakInUse, stats.Available, stats.Trims), Is.EqualTo((4u, 8u, 0UL)));
    }

    [Test]
    public void ThreadCacheFlag_IsAccepted_AndChangesNothing()
    {
        FramePool pool = Frames(config: Config(max: 4, flags: PoolFlags.ThreadCache));
        Handle a = Acquire(pool);
        nint memory = MemoryOf(a);
        Release(a);
        Handle b = Acquire(pool);
        Assert.That(MemoryOf(b), Is.EqualTo(memory));
        Release(b);
        AssertBalanced(pool);
    }

    private static void RunOnAnotherThread(ThreadStart body)
    {
        var thread = new Thread(body);
        thread.Start();
        thread.Join();
    }
}
