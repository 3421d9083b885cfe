using Reel.Abi;
using Reel.Errors;

namespace Reel.Vulkan.Dpb;

/// <summary>
/// Which DPB slot holds which picture. Acquire takes the free slot released longest ago (the
/// one least likely to be still read by in-flight GPU work); when none is free, it recycles
/// the oldest active picture that is not a reference (smallest frame number): such a picture
/// is never read again by decoding. When every slot holds a reference, acquire fails.
/// Not thread-safe; the DPB's lock guards it.
/// </summary>
internal sealed class DpbSlotManager
{
    private readonly DpbSlot[] _slots;
    private ulong _releases;

    /// <summary>A manager of <paramref name="count"/> free slots.</summary>
    public DpbSlotManager(int count)
    {
        _slots = new DpbSlot[count];
        for (int i = 0; i < count; i++)
            _slots[i].FreedAt = (ulong)i; // initial order: slot 0 first
        _releases = (ulong)count;
    }

    /// <summary>Slots in total.</summary>
    public int Count => _slots.Length;

    /// <summary>Active slots.</summary>
    public int ActiveCount { get; private set; }

    /// <summary>Active slots marked as references.</summary>
    public int ReferenceCount { get; private set; }

    /// <summary>Acquires that recycled an active non-reference picture.</summary>
    public long Recycled { get; private set; }

    /// <summary>The state of slot <paramref name="slot"/> (in range).</summary>
    public DpbSlot this[int slot] => _slots[slot];

    /// <summary>
    /// A slot for a new picture with <paramref name="frameNumber"/> and <paramref name="timestamp"/>,
    /// active and not a reference; <paramref name="recycledFrame"/> is the frame number of the
    /// picture it displaced, or -1 when the slot was free.
    /// </summary>
    public ReelResult Acquire(ulong frameNumber, long timestamp, string function, out int slot, out long recycledFrame)
    {
        slot = -1;
        recycledFrame = -1;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (!_slots[i].IsActive && (slot < 0 || _slots[i].FreedAt < _slots[slot].FreedAt))
                slot = i;
        }
        if (slot < 0)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (!_slots[i].IsReference && (slot < 0 || _slots[i].FrameNumber < _slots[slot].FrameNumber))
                    slot = i;
            }
            if (slot < 0)
            {
                return LastError.Set(ReelResult.ErrorLimitReached,
                    $"{function}: all {_slots.Length} DPB slots hold reference pictures; unmark or release one (reel_dpb_mark_reference, reel_dpb_release_slot)");
            }
            recycledFrame = (long)_slots[slot].FrameNumber;
            Recycled++;
            ActiveCount--;
        }
        _slots[slot] = new DpbSlot { IsActive = true, FrameNumber = frameNumber, Timestamp = timestamp, FreedAt = _slots[slot].FreedAt };
        ActiveCount++;
        return ReelResult.Success;
    }

    /// <summary>Frees an active slot.</summary>
    public ReelResult Release(int slot, string function)
    {
        ReelResult result = CheckActive(slot, function);
        if (result != ReelResult.Success)
            return result;
        if (_slots[slot].IsReference)
            ReferenceCount--;
        _slots[slot] = new DpbSlot { FreedAt = _releases++ };
        ActiveCount--;
        return ReelResult.Success;
    }

    /// <summary>Marks or unmarks the active picture of a slot as a reference.</summary>
    public ReelResult MarkReference(int slot, bool isReference, string function)
    {
        ReelResult result = CheckActive(slot, function);
        if (result != ReelResult.Success)
            return result;
        if (_slots[slot].IsReference != isReference)
            ReferenceCount += isReference ? 1 : -1;
        _slots[slot].IsReference = isReference;
        return ReelResult.Success;
    }

    /// <summary>Success when <paramref name="slot"/> is in range (active or not).</summary>
    public ReelResult CheckRange(uint slot, string function) =>
        slot < _slots.Length ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: slot is {slot}; the DPB has slots 0 to {_slots.Length - 1}");

    private ReelResult CheckActive(int slot, string function)
    {
        ReelResult result = CheckRange((uint)slot, function);
        if (result != ReelResult.Success)
            return result;
        return _slots[slot].IsActive ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorBadState, $"{function}: slot {slot} is free; acquire it first (reel_dpb_acquire_slot)");
    }
}
