using System.Runtime.InteropServices;

namespace Reel.Pools;

/// <summary>
/// One buffer of a slot pool. <see cref="State"/> packs generation &lt;&lt; 22 | references so
/// that retain and release check the generation and change the count in one CAS: a stale
/// handle can never touch a buffer that was returned and handed out again.
/// Slots are 128 bytes apart although they use 64, so that threads working on neighbouring
/// slots (each thread keeps reusing its own few buffers) never write the same cache line:
/// the fields sit at the start, and whatever shares a line with a neighbour is padding.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 128)]
internal struct BufferSlot
{
    /// <summary>Bits of <see cref="State"/> that count references.</summary>
    public const int ReferenceBits = 22;

    /// <summary>Mask of the reference count in <see cref="State"/>.</summary>
    public const ulong ReferenceMask = (1UL << ReferenceBits) - 1;

    /// <summary>Most references a buffer can hold at once.</summary>
    public const uint MaxReferences = (uint)ReferenceMask;

    /// <summary>generation (high 42 bits) | reference count (low 22 bits, 0 = idle).</summary>
    public ulong State;

    /// <summary>The buffer's memory; 0 while the slot has none (never allocated, trimmed, or retired).</summary>
    public nint Memory;

    /// <summary>Presentation timestamp set by the host; 0 on acquire.</summary>
    public long Pts;

    /// <summary>Host tag, e.g. a frame number or pointer, shown in leak reports; 0 on acquire.</summary>
    public ulong Tag;

    /// <summary>Decode timestamp of a packet (byte pools); 0 on acquire.</summary>
    public long Dts;

    /// <summary>Packet flags (REEL_PACKET_FLAG_*), e.g. keyframe; 0 on acquire (next to the other fields reset on acquire).</summary>
    public uint Flags;

    /// <summary>
    /// <see cref="PoolThread.Id"/> of the thread that acquired the buffer: when that thread
    /// releases it, it keeps it in its own cache; a buffer released by another thread (a
    /// pipeline hand-off) goes to the shared ring, where its producer finds it.
    /// </summary>
    public int AcquiredBy;

    /// <summary>Payload bytes (byte pools: the requested size, changeable by the host).</summary>
    public nuint Size;

    /// <summary>Frame-clock value when the buffer was handed out; reports show the age of buffers out.</summary>
    public long AcquiredAtFrame;

    /// <summary>
    /// Times this slot was handed out. Only the acquiring thread writes it, on a cache line it
    /// touches anyway, so counting acquires costs no shared write; stats sum the slots.
    /// </summary>
    public long Acquires;
}
