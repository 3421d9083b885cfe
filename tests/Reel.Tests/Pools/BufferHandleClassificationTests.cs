using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>
/// A buffer handle that does not resolve is told apart as stale (Reel issued it, the buffer
/// was released since) or never issued (forged or corrupted), issue 16 defect 10: before, a
/// forged buffer handle was reported as "stale: that reel_buffer_t was released". (A handle of
/// an earlier pool at a reused registry index: BufferGenerationTests.)
/// </summary>
public class BufferHandleClassificationTests : PoolFixture
{
    private const string Released = "is stale: that reel_buffer_t was released";
    private const string NeverIssued = "was never issued by Reel";

    [Test]
    public void ReleasedBuffer_IsStale()
    {
        FramePool pool = Frames(config: Config(max: 4));
        Handle buffer = Acquire(pool);
        Release(buffer);
        AssertRefused(buffer, HandleError.Stale, Released);
    }

    [Test]
    public void FutureGenerationOfALiveSlot_WasNeverIssued()
    {
        FramePool pool = Frames(config: Config(max: 4));
        Handle live = Acquire(pool);
        Handle forged = new(live.Value | ((ulong)Handle.MaxGeneration << 32));
        AssertRefused(forged, HandleError.NeverIssued, NeverIssued);
        Assert.That(Buffers.GetFrame(live, "test", out _), Is.EqualTo(ReelResult.Success), "the live buffer is untouched");
        Release(live);
    }

    [Test]
    public void GenerationFieldZero_WasNeverIssued()
    {
        // Every pool's first tag has a generation field of at least 1, like every other handle.
        FramePool pool = Frames(config: Config(max: 4));
        Handle live = Acquire(pool);
        AssertRefused(new Handle(live.Value & ~((ulong)Handle.MaxGeneration << 32)), HandleError.NeverIssued, NeverIssued);
        Release(live);
    }

    [Test]
    public void SlotBeyondThePool_WasNeverIssued()
    {
        // 5 slots use 3 slot bits: slots 5 to 7 are in the handle's range but not in the pool.
        FramePool pool = Frames(config: Config(max: 5));
        Handle live = Acquire(pool);
        ulong tag = BufferHandles.Tag(live);
        Handle forged = BufferHandles.Make(BufferHandles.PoolIndex(live), (tag & ~7UL) | 7);
        AssertRefused(forged, HandleError.NeverIssued, NeverIssued);
        Release(live);
    }

    [Test]
    public void NextHandleOfAnIdleSlot_WasNeverIssued_UntilTheSlotHandsItOut()
    {
        // A one-buffer pool's slot moves to the next generation at each release: its next
        // handle is predictable, but it was not issued until the pool hands it out.
        FramePool pool = Frames(config: Config(max: 1));
        Handle first = Acquire(pool);
        Release(first);
        Handle predicted = BufferHandles.Make(BufferHandles.PoolIndex(first), BufferHandles.Tag(first) + 1);
        AssertRefused(predicted, HandleError.NeverIssued, NeverIssued);
        Handle second = Acquire(pool);
        Assert.That(second, Is.EqualTo(predicted), "the prediction was right, and refused only while unissued");
        Release(second);
        AssertRefused(second, HandleError.Stale, Released);
    }

    [Test]
    public void LastGenerationOfARetiredSlot_IsStale()
    {
        FramePool pool = Frames(config: Config(max: 2, growth: PoolGrowth.Fixed));
        SlotPool slotPool = pool.SlotPools[0];
        Release(Acquire(pool));
        slotPool.SetGenerationForTest(0, slotPool.MaxGeneration);
        slotPool.SetGenerationForTest(1, slotPool.MaxGeneration);
        Handle last = Acquire(pool);
        Release(last);
        Assert.That(slotPool.RetiredSlots, Is.EqualTo(1), "the slot kept its last generation and was retired");
        AssertRefused(last, HandleError.Stale, Released);
    }

    [Test]
    public void DrainedPool_ItsHandlesAreStale_OtherValuesAtItsIndexWereNeverIssued()
    {
        FramePool pool = Frames(config: Config(max: 4));
        Handle held = Acquire(pool);
        Handle returned = Acquire(pool);
        Release(returned);
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Release(held);
        uint index = BufferHandles.PoolIndex(held);
        Assert.That(PoolRegistry.SlotPoolAt(index), Is.Null, "the drained slot pool left the registry");
        AssertRefused(held, HandleError.Stale, Released);
        AssertRefused(returned, HandleError.Stale, Released);
        AssertRefused(BufferHandles.Make(index, BufferHandles.MaxTag), HandleError.NeverIssued, NeverIssued);
    }

    [Test]
    public void IndexNoPoolEverUsed_WasNeverIssued()
    {
        // The last registry index with a generation field of 0: no pool issues such a tag,
        // whatever the index's history in this test run.
        Handle forged = BufferHandles.Make(BufferHandles.MaxSlotPools - 1, 0x3_FFFF);
        AssertRefused(forged, HandleError.NeverIssued, NeverIssued);
    }

    [Test]
    public void EveryBufferFunction_SaysNeverIssued_NamingTheArgument()
    {
        FramePool pool = Frames(config: Config(max: 4));
        Handle live = Acquire(pool);
        Handle forged = new(live.Value | ((ulong)Handle.MaxGeneration << 32));
        Assert.That(Buffers.Release(forged, "reel_buffer_release"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith($"reel_buffer_release: buffer ({forged}) {NeverIssued}"));
        Assert.That(Buffers.Retain(forged, "reel_buffer_retain"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith($"reel_buffer_retain: buffer ({forged}) {NeverIssued}"));
        Assert.That(Buffers.GetFrame(forged, "reel_buffer_get_frame", out _), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith($"reel_buffer_get_frame: buffer ({forged}) {NeverIssued}"));
        Assert.That(Buffers.SetPts(forged, 1, "reel_buffer_set_pts"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.Contain(NeverIssued).And.EndWith("expected a reel_buffer_t"));
        Assert.That(pool.GetStats().InUse, Is.EqualTo(1u), "nothing was released");
        Release(live);
        AssertBalanced(pool);
    }

    /// <summary>Resolve classifies <paramref name="buffer"/> as <paramref name="expected"/>, and a release says so.</summary>
    private static void AssertRefused(Handle buffer, HandleError expected, string message)
    {
        Assert.That(Buffers.Resolve(buffer, out _, out _), Is.EqualTo(expected), $"{buffer}");
        Assert.That(Buffers.Release(buffer, "reel_buffer_release"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith($"reel_buffer_release: buffer ({buffer})").And.Contain(message));
    }
}
