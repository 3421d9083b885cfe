using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>
/// Buffer handles never resurrect (issue 16, defect 2): generations never wrap, a slot whose
/// generations are used up is retired, and a pool that takes over a registry index starts
/// above every handle an earlier pool there issued.
/// </summary>
public class BufferGenerationTests : PoolFixture
{
    /// <summary>The reuse count after which 24-bit generations came back to the first one.</summary>
    private const int OldWrap = (1 << 24) - 1;

    [Test]
    public void OneBufferPool_After2To24Reuses_TheFirstHandleIsStillStale()
    {
        // The reported case: before the fix h0 named the live buffer again after 2^24 - 1
        // more reuses, and releasing it released another holder's buffer.
        FramePool pool = Frames(width: 16, height: 16, config: Config(max: 1));
        Handle h0 = Acquire(pool);
        Release(h0);
        CycleWithoutChecks(pool, OldWrap - 1);
        Handle live = Acquire(pool);
        Assert.That(live, Is.Not.EqualTo(h0), "after 2^24 - 1 reuses the slot's handle differs from the first one");
        Assert.That(Buffers.Release(h0, "reel_buffer_release"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(Buffers.GetFrame(live, "test", out _), Is.EqualTo(ReelResult.Success), "the holder's buffer is untouched");
        Release(live);
    }

    [Test]
    public void PoolUsingEverySlotBit_Has24BitGenerations_AndRetiresTheSlotInsteadOfWrapping()
    {
        // 2^17 + 1 slots need all 18 slot bits, leaving the 24-bit generations of old: the hot
        // slot (a thread reuses its last release) runs out during the loop and is retired.
        FramePool pool = Frames(width: 16, height: 16, config: Config(max: (1u << 17) + 1));
        SlotPool slotPool = pool.SlotPools[0];
        Assert.That(slotPool.MaxGeneration, Is.EqualTo((1UL << 24) - 1));
        Handle h0 = Acquire(pool);
        Release(h0);
        var seen = new HashSet<Handle> { h0 };
        for (int i = 0; i < OldWrap + 2; i++)
        {
            Assert.That(pool.Acquire("test", out Handle h), Is.EqualTo(ReelResult.Success));
            if (i % 4096 == 0 || i > OldWrap - 8)
                Assert.That(seen.Add(h), Is.True, $"cycle {i}: handle {h} was issued before");
            Buffers.Release(h, "test");
        }
        Assert.That(slotPool.RetiredSlots, Is.EqualTo(1), "the hot slot was retired, not wrapped");
        Assert.That(Buffers.Release(h0, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        AssertBalanced(pool);
        Assert.That(pool.GetStats().Allocated, Is.EqualTo(1u), "the retired slot's memory was freed; one buffer took over");
    }

    [Test]
    public void LastGeneration_RetiresTheSlot_TheOtherSlotCarriesOn_ThenThePoolIsExhausted()
    {
        FramePool pool = Frames(config: Config(max: 2, growth: PoolGrowth.Fixed), name: "long-run");
        SlotPool slotPool = pool.SlotPools[0];
        Assert.That(slotPool.MaxGeneration, Is.EqualTo((1UL << 41) - 1), "one slot bit: 41 generation bits");
        Handle a = Acquire(pool), b = Acquire(pool);
        Release(a);
        Release(b);
        // Move both slots (through the test seam) to their next-to-last generation.
        slotPool.SetGenerationForTest(0, slotPool.MaxGeneration - 1);
        slotPool.SetGenerationForTest(1, slotPool.MaxGeneration - 1);
        long blocks = LiveBlocks;
        var issued = new List<Handle>();
        for (int i = 0; i < 2; i++)
        {
            Handle h = Acquire(pool);   // MaxGeneration - 1, then MaxGeneration (the hot slot)
            issued.Add(h);
            Release(h);
        }
        Assert.That(slotPool.RetiredSlots, Is.EqualTo(1));
        Assert.That(LiveBlocks, Is.EqualTo(blocks - 1), "a retired slot's memory goes back to the allocator");
        Handle other = Acquire(pool);   // the other slot
        issued.Add(other);
        Release(other);
        Handle last = Acquire(pool);
        issued.Add(last);
        Release(last);
        Assert.That(slotPool.RetiredSlots, Is.EqualTo(2));
        Assert.That(pool.Acquire("reel_pool_acquire", out Handle none), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(none.IsNull, Is.True);
        Assert.That(LastError.Message, Does.Contain("pool 'long-run' is exhausted").And.Contain("2 of 2 buffer slots have used up their"));
        Assert.That(issued, Is.Unique);
        foreach (Handle h in issued)
            Assert.That(Buffers.Release(h, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(pool.GetStats().Allocated, Is.Zero);
    }

    [Test]
    public void WaitingAcquire_OnAPoolWhoseOnlySlotRetires_FailsInsteadOfWaitingForever()
    {
        FramePool pool = Frames(config: Config(max: 1, exhaustion: ExhaustionPolicy.Wait, waitMs: PoolConfig.WaitForever));
        SlotPool slotPool = pool.SlotPools[0];
        Release(Acquire(pool));
        slotPool.SetGenerationForTest(0, slotPool.MaxGeneration);
        Handle held = Acquire(pool);
        var waiter = System.Threading.Tasks.Task.Run(() => pool.Acquire("test", out _));
        System.Threading.Thread.Sleep(50);
        Release(held);
        Assert.That(waiter.Wait(5000), Is.True);
        Assert.That(waiter.Result, Is.EqualTo(ReelResult.ErrorLimitReached));
    }

    [Test]
    public void GenerationBits_AreWhatTheGrowLimitLeaves()
    {
        Assert.That(Frames(config: Config(max: 1)).SlotPools[0].MaxGeneration, Is.EqualTo((1UL << 42) - 1));
        Assert.That(Frames(config: Config(max: 16)).SlotPools[0].MaxGeneration, Is.EqualTo((1UL << 38) - 1));
        Assert.That(Frames(config: Config(max: 17)).SlotPools[0].MaxGeneration, Is.EqualTo((1UL << 37) - 1));
        Assert.That(Frames(config: Config(max: 4, exhaustion: ExhaustionPolicy.Grow, growLimit: 64)).SlotPools[0].MaxGeneration,
            Is.EqualTo((1UL << 36) - 1), "the grow limit, not max, sizes the slot bits");
    }

    [Test]
    public void PoolTakingOverARegistryIndex_StartsAboveEveryEarlierHandle()
    {
        FramePool first = Frames(config: Config(max: 4));
        Handle stale = Acquire(first);
        Release(stale);
        Assert.That(Pool.Destroy(first.Handle, "test"), Is.EqualTo(ReelResult.Success));
        uint index = BufferHandles.PoolIndex(stale);

        // Freed registry indices are reused oldest first once enough wait; churn pools until one lands on it.
        Handle fresh = Handle.Null;
        for (int i = 0; i < 1000 && fresh.IsNull; i++)
        {
            FramePool pool = Frames(config: Config(max: 4));
            Handle h = Acquire(pool);
            if (BufferHandles.PoolIndex(h) == index)
            {
                fresh = h;
                Assert.That(BufferHandles.Tag(h), Is.GreaterThan(BufferHandles.Tag(stale)));
                Assert.That(Buffers.Release(stale, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
                Assert.That(Buffers.Retain(stale, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
            }
            Release(h);
            Pool.Destroy(pool.Handle, "test");
        }
        Assert.That(fresh.IsNull, Is.False, "the index was reused");
    }

    [Test]
    public void Retain_BeyondTheMostReferences_IsLimitReached()
    {
        FramePool pool = Frames(config: Config(max: 1));
        Handle buffer = Acquire(pool);
        for (uint i = 1; i < BufferSlot.MaxReferences; i++)
            Assert.That(Buffers.Retain(buffer, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(Buffers.Retain(buffer, "reel_buffer_retain"), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.Contain($"already holds {BufferSlot.MaxReferences} references"));
        for (uint i = 0; i < BufferSlot.MaxReferences; i++)
            Assert.That(Buffers.Release(buffer, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(Buffers.Release(buffer, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        AssertBalanced(pool);
    }

    private static void CycleWithoutChecks(Pool pool, int count)
    {
        for (int i = 0; i < count; i++)
        {
            pool.Acquire("test", out Handle h);
            Buffers.Release(h, "test");
        }
    }
}
