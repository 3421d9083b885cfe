using System.Collections.Generic;
using NUnit.Framework;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class PoolTrimTests : PoolFixture
{
    [Test]
    public void Trim_KeepsTheRequestedIdleCount_AndFreesTheirMemory()
    {
        FramePool pool = Frames(config: Config(initial: 6, max: 8));
        Handle held = Acquire(pool);
        long bytesBefore = LiveBytes;
        Assert.That(pool.Trim(2), Is.EqualTo(3));
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.Available, stats.InUse, stats.Trims), Is.EqualTo((3u, 2u, 1u, 3UL)));
        Assert.That(LiveBytes, Is.EqualTo(bytesBefore - 3 * (long)pool.SlotPools[0].BufferSize));
        Assert.That(stats.BytesHeld, Is.EqualTo(3UL * pool.SlotPools[0].BufferSize));
        Release(held);
        Assert.That(pool.Trim(0), Is.EqualTo(3));
        AssertBalanced(pool);
    }

    [Test]
    public void Trim_ThenAcquire_GrowsAgain()
    {
        FramePool pool = Frames(config: Config(initial: 2, max: 2, growth: PoolGrowth.Fixed));
        pool.Trim(0);
        Assert.That(pool.GetStats().Allocated, Is.Zero);
        Handle a = Acquire(pool), b = Acquire(pool);
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(2u), "a fixed pool replaces trimmed buffers on demand");
        Release(a);
        Release(b);
    }

    [Test]
    public void FrameClock_TrimsBuffersIdleLongerThanTheAge()
    {
        FramePool pool = Frames(config: Config(max: 4, trimFrames: 3));
        var buffers = new List<Handle> { Acquire(pool), Acquire(pool), Acquire(pool) };
        Release(buffers[0]);                       // released at frame 0
        Context.AdvanceFrame();                    // 1
        Release(buffers[1]);                       // released at frame 1
        Context.AdvanceFrame();                    // 2
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(3u));
        Context.AdvanceFrame();                    // 3: buffer 0 has been idle 3 frames
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(2u));
        Context.AdvanceFrame();                    // 4: buffer 1 too
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.InUse, stats.Trims), Is.EqualTo((1u, 1u, 2UL)));
        Release(buffers[2]);
        for (int i = 0; i < 3; i++)
            Context.AdvanceFrame();
        Assert.That(pool.GetStats().Allocated, Is.Zero);
    }

    [Test]
    public void FrameClock_WithoutAge_TrimsNothing()
    {
        FramePool pool = Frames(config: Config(initial: 2, max: 2));
        for (int i = 0; i < 100; i++)
            Context.AdvanceFrame();
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(2u));
    }
}
