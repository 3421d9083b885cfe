using System;
using System.Runtime.InteropServices;
using Reel.Codecs.Encoders;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// Packets drained from SVT-AV1 but not yet received by the caller, copied into buffers the
/// queue owns so that SVT-AV1's output buffers go back at once (holding them would stall its
/// pipeline and, through it, send_picture). Each slot keeps its buffer between uses, so steady
/// state allocates nothing. The packet last handed out stays valid until the next dequeue.
/// </summary>
internal sealed unsafe class PacketQueue : IDisposable
{
    /// <summary>One packet and the buffer that holds it.</summary>
    private struct Slot
    {
        public byte* Data;
        public nuint Capacity;
        public int Size;
        public long Pts;
        public long Dts;
        public bool IsKeyframe;
    }

    private Slot[] _slots = new Slot[8];
    private int _head;
    private int _count;

    /// <summary>The slot whose bytes the caller may still be reading.</summary>
    private Slot _handedOut;

    /// <summary>Packets waiting.</summary>
    public int Count => _count;

    /// <summary>Bytes waiting.</summary>
    public long Bytes { get; private set; }

    /// <summary>Copies a packet in; false when memory for it cannot be allocated.</summary>
    public bool Enqueue(byte* data, int size, long pts, long dts, bool isKeyframe)
    {
        if (_count == _slots.Length)
            Grow();
        ref Slot slot = ref _slots[(_head + _count) % _slots.Length];
        if (slot.Capacity < (nuint)size)
        {
            // Round up so that slowly growing packets do not reallocate every time.
            nuint capacity = Math.Max((nuint)4096, (nuint)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size));
            byte* grown = (byte*)NativeMemory.Realloc(slot.Data, capacity);
            if (grown == null)
                return false;
            slot.Data = grown;
            slot.Capacity = capacity;
        }
        new ReadOnlySpan<byte>(data, size).CopyTo(new Span<byte>(slot.Data, size));
        slot.Size = size;
        slot.Pts = pts;
        slot.Dts = dts;
        slot.IsKeyframe = isKeyframe;
        _count++;
        Bytes += size;
        return true;
    }

    /// <summary>Takes the oldest packet; its bytes stay valid until the next call.</summary>
    public bool TryDequeue(out EncodedPacket packet)
    {
        if (_count == 0)
        {
            packet = default;
            return false;
        }
        ref Slot slot = ref _slots[_head];
        // Swap buffers: the caller reads the handed-out one, the slot recycles the previous one.
        (slot, _handedOut) = (_handedOut, slot);
        _head = (_head + 1) % _slots.Length;
        _count--;
        Bytes -= _handedOut.Size;
        packet = new EncodedPacket(_handedOut.Data, _handedOut.Size, _handedOut.Pts, _handedOut.Dts, _handedOut.IsKeyframe);
        return true;
    }

    /// <summary>Drops every waiting packet (their buffers are kept for reuse).</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
        Bytes = 0;
    }

    /// <summary>Frees every buffer.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            NativeMemory.Free(_slots[i].Data);
            _slots[i] = default;
        }
        NativeMemory.Free(_handedOut.Data);
        _handedOut = default;
        _count = 0;
        Bytes = 0;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        for (int i = 0; i < _slots.Length; i++)
            slots[i] = _slots[(_head + i) % _slots.Length];
        _slots = slots;
        _head = 0;
    }
}
