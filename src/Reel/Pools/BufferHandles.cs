using Reel.Handles;

namespace Reel.Pools;

/// <summary>
/// Packing of <c>reel_buffer_t</c>: the handle's 32-bit index holds the slot pool's registry
/// index (14 bits) and the slot (18 bits); the generation is the slot's.
/// </summary>
public static class BufferHandles
{
    /// <summary>Bits of the slot index.</summary>
    public const int SlotBits = 18;

    /// <summary>Most slot pools alive at once (registry capacity).</summary>
    public const int MaxSlotPools = 1 << (32 - SlotBits);

    private const uint SlotMask = (1u << SlotBits) - 1;

    /// <summary>The handle of slot <paramref name="slot"/> of registry entry <paramref name="poolIndex"/>.</summary>
    public static Handle Make(uint poolIndex, int slot, uint generation) =>
        new(HandleType.Buffer, (poolIndex << SlotBits) | (uint)slot, generation);

    /// <summary>The registry index of the slot pool a buffer handle points into.</summary>
    public static uint PoolIndex(Handle handle) => handle.Index >> SlotBits;

    /// <summary>The slot a buffer handle points at.</summary>
    public static int Slot(Handle handle) => (int)(handle.Index & SlotMask);
}
