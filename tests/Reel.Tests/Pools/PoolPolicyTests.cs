using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class PoolPolicyTests : PoolFixture
{
    [Test]
    public void Initial_IsPreallocated()
    {
        FramePool pool = Frames(config: Config(initial: 3, max: 5));
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.Available, stats.Misses), Is.EqualTo((3u, 3u, 3UL)));
    }

    [Test]
    public void Linear_GrowsByStep()
    {
        FramePool pool = Frames(config: Config(max: 10, growth: PoolGrowth.Linear, growthStep: 4));
        Handle first = Acquire(pool);
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(4u));
        var held = new List<Handle> { first };
        for (int i = 0; i < 4; i++)
            held.Add(Acquire(pool));
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(8u));
        held.ForEach(Release);
    }

    [Test]
    public void Exponential_DoublesUpToTheCap()
    {
        FramePool pool = Frames(config: Config(max: 6, growth: PoolGrowth.Exponential));
        var held = new List<Handle>();
        var allocated = new List<uint>();
        for (int i = 0; i < 6; i++)
        {
            held.Add(Acquire(pool));
            allocated.Add(pool.GetStats().Allocated);
        }
        Assert.That(allocated, Is.EqualTo(new uint[] { 1, 2, 4, 4, 6, 6 }));
        held.ForEach(Release);
    }

    [Test]
    public void Fixed_AllocatesEverythingUpFront_AndNeverGrows()
    {
        FramePool pool = Frames(config: Config(max: 4, growth: PoolGrowth.Fixed));
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(4u));
        var held = new List<Handle>();
        for (int i = 0; i < 4; i++)
            held.Add(Acquire(pool));
        Assert.That(pool.Acquire("test", out _), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(pool.GetStats().Misses, Is.EqualTo(4UL));
        held.ForEach(Release);
    }

    [Test]
    public void Fail_AtTheCap_ReturnsLimitReachedNamingThePool()
    {
        FramePool pool = Frames(config: Config(max: 2), name: "decoder-out");
        Handle a = Acquire(pool), b = Acquire(pool);
        Assert.That(pool.Acquire("reel_pool_acquire", out Handle none), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(none.IsNull, Is.True);
        Assert.That(LastError.Message, Is.EqualTo("reel_pool_acquire: pool 'decoder-out' is exhausted: all 2 buffers (max) are in use; exhaustion policy FAIL"));
        Release(a);
        Release(b);
    }

    [Test]
    public void Wait_TimesOutWithTimeoutStatus_AndCountsTheWait()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: 50));
        Handle held = Acquire(pool);
        ReelResult result = ReelResult.Success;
        TimeSpan waited = Elapsed(() => result = pool.Acquire("test", out _));
        Assert.That(result, Is.EqualTo(ReelResult.Timeout));
        Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45)));
        PoolStats stats = pool.GetStats();
        Assert.That(stats.Waits, Is.EqualTo(1UL));
        Assert.That(stats.WaitNanoseconds, Is.GreaterThanOrEqualTo(45_000_000UL));
        Release(held);
    }

    [Test]
    public void Wait_IsWokenByARelease_OnAnotherThread()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: PoolConfig.WaitForever));
        Handle held = Acquire(pool);
        nint memory = MemoryOf(held);
        Task<(ReelResult, Handle)> waiter = Task.Run(() => (pool.Acquire("test", out Handle b), b));
        Thread.Sleep(50);
        Assert.That(waiter.IsCompleted, Is.False, "the waiter blocks while the only buffer is out");
        Release(held);
        Assert.That(waiter.Wait(TimeSpan.FromSeconds(5)), Is.True);
        (ReelResult result, Handle got) = waiter.Result;
        Assert.That(result, Is.EqualTo(ReelResult.Success));
        Assert.That(MemoryOf(got), Is.EqualTo(memory), "it got the released buffer");
        Release(got);
    }

    [Test]
    public void Wait_IsWokenByDestroy_AndFails()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: PoolConfig.WaitForever));
        Handle held = Acquire(pool);
        Task<ReelResult> waiter = Task.Run(() => pool.Acquire("test", out _));
        Thread.Sleep(50);
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(waiter.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(waiter.Result, Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Release(held);
    }

    [Test]
    public void Grow_PastTheCap_WarnsCountsAndStopsAtGrowLimit()
    {
        FramePool pool = Frames(config: Config(max: 2, exhaustion: ExhaustionPolicy.Grow, growLimit: 3));
        var held = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool) };
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.GrowsPastCap), Is.EqualTo((3u, 1UL)));
        Assert.That(pool.Acquire("test", out _), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.Contain("all 3 buffers up to grow_limit are in use"));
        held.ForEach(Release);
    }

    [Test]
    public void Reuse_OnTheReleasingThread_IsMostRecentFirst()
    {
        // Reuse order is not a safety mechanism (a buffer still read by a GPU is released
        // after its timeline value): a thread gets back the buffer it released last, whose
        // memory is most likely still in its CPU cache.
        FramePool pool = Frames(config: Config(max: 3, growth: PoolGrowth.Fixed));
        Handle a = Acquire(pool), b = Acquire(pool), c = Acquire(pool);
        nint ma = MemoryOf(a), mb = MemoryOf(b), mc = MemoryOf(c);
        Release(b);
        Release(c);
        Release(a);
        Handle x = Acquire(pool), y = Acquire(pool), z = Acquire(pool);
        Assert.That(new[] { MemoryOf(x), MemoryOf(y), MemoryOf(z) }, Is.EqualTo(new[] { ma, mc, mb }));
        Release(x);
        Release(y);
        Release(z);
    }
}
