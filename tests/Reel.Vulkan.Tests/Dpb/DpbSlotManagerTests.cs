using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Dpb;

namespace Reel.Vulkan.Tests.Dpb;

/// <summary>The DPB slot manager: oldest-released free slots first, then the oldest non-reference picture, never a reference.</summary>
public class DpbSlotManagerTests
{
    private static int Acquire(DpbSlotManager slots, ulong frame, out long recycled)
    {
        Assert.That(slots.Acquire(frame, (long)frame * 1000, "test", out int slot, out recycled), Is.EqualTo(ReelResult.Success), LastError.Message);
        return slot;
    }

    [Test]
    public void Acquire_TakesFreeSlotsInReleaseOrder()
    {
        var slots = new DpbSlotManager(4);
        Assert.That(new[] { Acquire(slots, 1, out _), Acquire(slots, 2, out _), Acquire(slots, 3, out _) }, Is.EqualTo(new[] { 0, 1, 2 }));
        slots.Release(1, "test");
        slots.Release(0, "test");
        Assert.That(Acquire(slots, 4, out long recycled), Is.EqualTo(3), "slot 3 was never used: free longest");
        Assert.That(recycled, Is.EqualTo(-1));
        Assert.That(Acquire(slots, 5, out _), Is.EqualTo(1), "then slot 1, released before slot 0");
        Assert.That(Acquire(slots, 6, out _), Is.EqualTo(0));
        Assert.That(slots[0].FrameNumber, Is.EqualTo(6UL));
        Assert.That(slots[0].Timestamp, Is.EqualTo(6000L));
    }

    [Test]
    public void Acquire_WhenFull_RecyclesTheOldestNonReference()
    {
        var slots = new DpbSlotManager(3);
        int a = Acquire(slots, 10, out _);
        int b = Acquire(slots, 11, out _);
        int c = Acquire(slots, 12, out _);
        slots.MarkReference(a, true, "test");
        int d = Acquire(slots, 13, out long recycled);
        Assert.That((d, recycled), Is.EqualTo((b, 11L)), "frame 10 is a reference; frame 11 is the oldest non-reference");
        Assert.That(slots[d].IsReference, Is.False);
        Assert.That((slots.ActiveCount, slots.ReferenceCount, slots.Recycled), Is.EqualTo((3, 1, 1L)));
        Assert.That(Acquire(slots, 14, out recycled), Is.EqualTo(c));
        Assert.That(recycled, Is.EqualTo(12L));
    }

    [Test]
    public void Acquire_WhenEverySlotIsAReference_IsLimitReached()
    {
        var slots = new DpbSlotManager(2);
        slots.MarkReference(Acquire(slots, 1, out _), true, "test");
        slots.MarkReference(Acquire(slots, 2, out _), true, "test");
        Assert.That(slots.Acquire(3, 0, "reel_dpb_acquire_slot", out _, out _), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.Contain("all 2 DPB slots hold reference pictures"));
        slots.MarkReference(1, false, "test");
        Assert.That(Acquire(slots, 3, out long recycled), Is.EqualTo(1));
        Assert.That(recycled, Is.EqualTo(2L));
    }

    [Test]
    public void ReleaseOrMarkAFreeSlot_IsBadState()
    {
        var slots = new DpbSlotManager(2);
        int slot = Acquire(slots, 1, out _);
        Assert.That(slots.Release(slot, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(slots.Release(slot, "reel_dpb_release_slot"), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(LastError.Message, Does.Contain("slot 0 is free"));
        Assert.That(slots.MarkReference(1, true, "reel_dpb_mark_reference"), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(slots.CheckRange(2, "reel_dpb_get_slot"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("slot is 2; the DPB has slots 0 to 1"));
    }

    [Test]
    public void ReleasingAReference_UpdatesTheCount()
    {
        var slots = new DpbSlotManager(2);
        int slot = Acquire(slots, 1, out _);
        slots.MarkReference(slot, true, "test");
        slots.MarkReference(slot, true, "test");
        Assert.That(slots.ReferenceCount, Is.EqualTo(1), "marking twice counts once");
        slots.Release(slot, "test");
        Assert.That((slots.ReferenceCount, slots.ActiveCount), Is.EqualTo((0, 0)));
    }
}
