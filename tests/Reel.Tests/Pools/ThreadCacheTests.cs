using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>REEL_POOL_FLAG_THREAD_CACHE: per-thread reuse, stealing, trimming and teardown of cached buffers.</summary>
public class ThreadCacheTests : PoolFixture
{
    private FramePool CachedPool(uint max) => Frames(config: Config(max: max, flags: PoolFlags.ThreadCache));

    [Test]
    public void SameThread_ReusesItsOwnBuffers_OnceTwoWait()
    {
        FramePool pool = CachedPool(8);
        Handle a = Acquire(pool), b = Acquire(pool);
        nint ma = MemoryOf(a), mb = MemoryOf(b);
        Release(a);
        Release(b);                     // this thread's cache: a, b (oldest first)
        Handle c = Acquire(pool);
        Assert.That(MemoryOf(c), Is.EqualTo(ma), "the oldest of the two this thread released");
        Handle d = Acquire(pool);
        Assert.That(MemoryOf(d), Is.Not.EqualTo(mb), "with one left the cache waits: b is not reused at once");
        Release(c);
        Release(d);
        AssertBalanced(pool);
    }

    [Test]
    public void Exhausted_StealsFromAnotherThreadsCache_BeforeFailing()
    {
        FramePool pool = CachedPool(2);
        var other = new Thread(() =>
        {
            Handle x = Acquire(pool), y = Acquire(pool);
            Release(x);
            Release(y);                 // both idle, in the other thread's cache
        });
        other.Start();
        other.Join();
        Assert.That(pool.GetStats().Available, Is.EqualTo(2u), "cached buffers count as available");
        Handle a = Acquire(pool), b = Acquire(pool);
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(2u), "stolen, not grown past the cap");
        Release(a);
        Release(b);
        AssertBalanced(pool);
    }

    [Test]
    public void Trim_EmptiesThreadCaches()
    {
        FramePool pool = CachedPool(8);
        var held = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool) };
        held.ForEach(Release);
        Assert.That(pool.Trim(0), Is.EqualTo(3));
        Assert.That(pool.GetStats().Allocated, Is.Zero);
    }

    [Test]
    public void Destroy_FreesCachedBuffers()
    {
        FramePool pool = CachedPool(8);
        long before = LiveBlocks;
        var held = new List<Handle> { Acquire(pool), Acquire(pool) };
        held.ForEach(Release);
        Assert.That(LiveBlocks, Is.EqualTo(before + 2));
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(LiveBlocks, Is.EqualTo(before), "cached idle buffers are freed with the pool");
    }

    [Test]
    public void WaitPolicy_WaiterGetsABufferReleasedOnAnotherThread()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: PoolConfig.WaitForever, flags: PoolFlags.ThreadCache));
        Handle held = Acquire(pool);
        var waiter = new Thread(() => Release(Acquire(pool)));
        waiter.Start();
        Thread.Sleep(50);
        Release(held);                  // a waiter exists: the buffer goes to the shared ring, not this thread's cache
        Assert.That(waiter.Join(5000), Is.True);
        AssertBalanced(pool);
    }
}
