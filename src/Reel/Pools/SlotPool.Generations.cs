using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using Reel.Abi;

namespace Reel.Pools;

// Generations: every release of a buffer's last reference moves its slot to the next
// generation, so the handle of the released buffer is stale. Generations never wrap: a
// slot whose last generation was handed out is retired (its memory freed, the slot never
// used again), so no handle can ever name a later buffer. A buffer handle's 42-bit tag holds
// the slot in as few bits as the grow limit needs and the generation in the rest
// (BufferHandles), and every slot pool starts above every tag an earlier slot pool at the
// same registry index issued (PoolRegistry), so a stale handle of a destroyed pool never
// names a buffer of the pool that took over its index either.
public sealed partial class SlotPool
{
    /// <summary>Bits of a tag that name the slot.</summary>
    private readonly int _slotBits;

    /// <summary>Mask of the slot bits of a tag.</summary>
    private readonly ulong _slotMask;

    /// <summary>Last generation a slot may hand out; the release of that buffer retires the slot.</summary>
    private readonly ulong _maxGeneration;

    /// <summary>Slots retired because their generations were used up.</summary>
    private int _retired;

    /// <summary>Last generation a slot may hand out.</summary>
    internal ulong MaxGeneration => _maxGeneration;

    /// <summary>Slots retired because their generations were used up.</summary>
    internal int RetiredSlots => Volatile.Read(ref _retired);

    /// <summary>Slot bits, slot mask and last generation of a slot pool of <paramref name="growLimit"/> slots.</summary>
    private static (int Bits, ulong Mask, ulong MaxGeneration) GenerationLayout(uint growLimit)
    {
        Debug.Assert(growLimit is > 0 and <= 1u << BufferHandles.MaxSlotBits, "Slot indices fit the tag's slot bits.");
        int bits = growLimit == 1 ? 0 : 32 - BitOperations.LeadingZeroCount(growLimit - 1);
        return (bits, (1UL << bits) - 1, (1UL << (BufferHandles.TagBits - bits)) - 1);
    }

    /// <summary>The tag of generation <paramref name="generation"/> of slot <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong TagOf(int slot, ulong generation) => (generation << _slotBits) | (uint)slot;

    /// <summary>Splits a tag; false when its slot is beyond this pool's slots (a forged handle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryLocate(ulong tag, out int slot, out ulong generation)
    {
        slot = (int)(tag & _slotMask);
        generation = tag >> _slotBits;
        return (uint)slot < (uint)_slots.Length;
    }

    /// <summary>State of a slot after the last release of generation <paramref name="generation"/>: the next generation, idle (the last one stays, to be retired).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong NextIdleState(ulong generation) =>
        (generation == _maxGeneration ? generation : generation + 1) << BufferSlot.ReferenceBits;

    /// <summary>
    /// Registration: every slot starts at the first generation whose tags are at least
    /// <paramref name="tagFloor"/> (the registry index's floor, at most 2^41, so a slot has at
    /// least 2^(41 - slot bits) generations).
    /// </summary>
    internal void StartGenerations(ulong tagFloor)
    {
        Debug.Assert(tagFloor <= 1UL << (BufferHandles.TagBits - 1), "The registry retires an index before its floor passes half the tag space.");
        ulong first = System.Math.Max(1, (tagFloor + _slotMask) >> _slotBits);
        for (int i = 0; i < _slots.Length; i++)
            _slots[i].State = first << BufferSlot.ReferenceBits;
    }

    /// <summary>After the pool drained: the lowest tag no handle of this pool ever carried (every slot's current generation counts as issued).</summary>
    internal ulong NextTagFloor()
    {
        ulong highest = 0;
        for (int i = 0; i < _slots.Length; i++)
            highest = System.Math.Max(highest, Volatile.Read(ref _slots[i].State) >> BufferSlot.ReferenceBits);
        return (highest + 1) << _slotBits;
    }

    /// <summary>
    /// The last generation of a slot was released: free its memory and never use the slot
    /// again. The pool keeps serving from its other slots (it may grow into unused ones).
    /// </summary>
    private void RetireSlot(int slot)
    {
        int retired;
        lock (_lock)
        {
            BeginMoves();
            FreeSlotMemory(slot, retire: true);
            retired = ++_retired;
            EndMoves();
        }
        _log.Write(LogLevel.Warning,
            $"pool '{Name}' retired buffer slot {slot}: its {_maxGeneration} generations are used up (a handle is never reused); " +
            $"{retired} of {_slots.Length} slots retired");
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_waitLock)
                Monitor.PulseAll(_waitLock);
        }
        if (_destroyed)
            FinalizeIfEmpty();
    }

    /// <summary>Test seam: moves an idle slot to <paramref name="generation"/>, e.g. near its last one.</summary>
    internal void SetGenerationForTest(int slot, ulong generation)
    {
        Debug.Assert(generation is > 0 && generation <= _maxGeneration, "A generation the slot can carry.");
        ref BufferSlot s = ref _slots[slot];
        Debug.Assert((s.State & BufferSlot.ReferenceMask) == 0, "Only an idle slot changes generation.");
        Volatile.Write(ref s.State, generation << BufferSlot.ReferenceBits);
    }
}
