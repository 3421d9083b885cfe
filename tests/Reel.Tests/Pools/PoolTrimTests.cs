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
    public void FrameClock_FreesWhatTheLastPeriodProvedSurplus()
    {
        FramePool pool = Frames(config: Config(max: 8, trimFrames: 3));
        var held = new List<Handle>();
        for (int i = 0; i < 6; i++)
            held.Add(Acquire(pool));
        held.GetRange(0, 4).ForEach(Release);      // 4 idle, 2 out
        held.RemoveRange(0, 4);

        // Period 1 (frames 1-3) saw the pool empty after the first acquires: nothing was surplus.
        for (int i = 0; i < 3; i++)
            Context.AdvanceFrame();
        Assert.That(pool.GetStats().Trims, Is.Zero);

        // Period 2 (frames 4-6): the one acquire leaves 3 idle, so 3 were never needed.
        Context.AdvanceFrame();
        Handle again = Acquire(pool);
        Context.AdvanceFrame();
        Context.AdvanceFrame();
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Allocated, stats.Available, stats.InUse, stats.Trims), Is.EqualTo((3u, 0u, 3u, 3UL)));

        // Period 3: nothing acquired while the 3 come back: all idle ones are surplus.
        Release(again);
        held.ForEach(Release);
        for (int i = 0; i < 3; i++)
            Context.AdvanceFrame();
        Assert.That(pool.GetStats().Allocated, Is.Zero);
    }

    [Test]
    public void FrameClock_SteadyFifoReuse_KeepsEveryNeededBuffer()
    {
        // Four buffers cycle through the pool every frame: FIFO reuse touches all of them,
        // and the low-water mark (0 idle after some acquire) says none is surplus.
        FramePool pool = Frames(config: Config(max: 8, trimFrames: 2));
        var inFlight = new Queue<Handle>();
        for (int frame = 0; frame < 50; frame++)
        {
            inFlight.Enqueue(Acquire(pool));
            if (inFlight.Count > 3)
                Release(inFlight.Dequeue());
            Context.AdvanceFrame();
        }
        Assert.That(pool.GetStats().Trims, Is.Zero);
        while (inFlight.Count > 0)
            Release(inFlight.Dequeue());
    }

    [Test]
    public void FrameClock_AfterABurst_ShrinksBackToTheWorkingSet()
    {
        FramePool pool = Frames(config: Config(max: 32, trimFrames: 10));
        var inFlight = new Queue<Handle>();
        var burst = new List<Handle>();
        for (int frame = 0; frame < 100; frame++)
        {
            inFlight.Enqueue(Acquire(pool));
            if (inFlight.Count > 3)
                Release(inFlight.Dequeue());
            if (frame == 20)
                for (int i = 0; i < 20; i++)
                    burst.Add(Acquire(pool));
            if (frame == 25)
                burst.ForEach(Release);
            Context.AdvanceFrame();
        }
        Assert.That(pool.GetStats().Allocated, Is.InRange(4u, 5u), "back to the pipeline's 4 buffers (+1 in the ring)");
        while (inFlight.Count > 0)
            Release(inFlight.Dequeue());
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
