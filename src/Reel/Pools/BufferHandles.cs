using System.Runtime.CompilerServices;
using Reel.Handles;

namespace Reel.Pools;

/// <summary>
/// Packing of <c>reel_buffer_t</c>. Besides the type tag a buffer handle carries the slot
/// pool's registry index (14 bits) and a 42-bit <em>tag</em>:
/// <code>
///  63    56 55                32 31           18 17              0
/// +--------+--------------------+---------------+-----------------+
/// | Buffer |   tag bits 41..18  | pool index 14 |  tag bits 17..0 |
/// +--------+--------------------+---------------+-----------------+
/// tag = generation &lt;&lt; slotBits | slot
/// </code>
/// A slot pool uses only the slot bits its grow limit needs (0 for one buffer, 4 for 16,
/// 18 for 262,144), and every bit it does not need widens the slot's generation: a pool of
/// 16 buffers has 2^38 generations per slot instead of 2^24. A slot whose generation is
/// used up is retired, never wrapped, so a handle never names a later buffer
/// (SlotPool.Generations.cs). The handle's 24-bit generation field holds the tag's high bits.
/// </summary>
public static class BufferHandles
{
    /// <summary>Bits of the registry index.</summary>
    public const int PoolIndexBits = 14;

    /// <summary>Bits of the tag (generation and slot).</summary>
    public const int TagBits = 42;

    /// <summary>Most slot bits a slot pool may use (its grow limit is at most 2^18).</summary>
    public const int MaxSlotBits = 18;

    /// <summary>Most slot pools alive at once (registry capacity).</summary>
    public const int MaxSlotPools = 1 << PoolIndexBits;

    /// <summary>Largest tag.</summary>
    public const ulong MaxTag = (1UL << TagBits) - 1;

    /// <summary>Tag bits stored below the registry index (the rest go to the handle's generation field).</summary>
    private const int LowTagBits = 32 - PoolIndexBits;

    private const ulong LowTagMask = (1UL << LowTagBits) - 1;

    /// <summary>The handle of <paramref name="tag"/> in the slot pool at registry index <paramref name="poolIndex"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Handle Make(uint poolIndex, ulong tag) => Make(HandleBase(poolIndex), tag);

    /// <summary>The bits every buffer handle of the slot pool at <paramref name="poolIndex"/> shares (a pool computes them once).</summary>
    public static ulong HandleBase(uint poolIndex) => ((ulong)HandleType.Buffer << 56) | ((ulong)poolIndex << LowTagBits);

    /// <summary>The handle of <paramref name="tag"/> given its pool's <see cref="HandleBase"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Handle Make(ulong handleBase, ulong tag) => new(handleBase | ((tag >> LowTagBits) << 32) | (tag & LowTagMask));

    /// <summary>The registry index of the slot pool a buffer handle points into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint PoolIndex(Handle handle) => handle.Index >> LowTagBits;

    /// <summary>The tag (generation and slot) a buffer handle carries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Tag(Handle handle) => ((ulong)handle.Generation << LowTagBits) | (handle.Index & LowTagMask);
}
