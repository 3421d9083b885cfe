using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Handles;

namespace Reel.Vulkan.Tests.Recording;

/// <summary>
/// An <see cref="IPictureTarget"/> that keeps what it is given: reservations are planes in
/// native memory (tight strides), committed pictures are copied out in commit order.
/// </summary>
internal sealed unsafe class CapturingTarget(int width, int height) : IPictureTarget, System.IDisposable
{
    private readonly List<nint> _memory = new();

    public int Width => width;

    public int Height => height;

    /// <summary>Committed pictures: (sequence, Y, U, V) with tight strides.</summary>
    public List<(long Sequence, byte[] Y, byte[] U, byte[] V)> Pictures { get; } = new();

    /// <summary>Reservations given back unfilled.</summary>
    public int Cancelled { get; private set; }

    /// <summary>Reservations not yet committed or cancelled.</summary>
    public int Open { get; private set; }

    public ReelResult Reserve(long sequence, ulong tag, string function, out PictureReservation reservation)
    {
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        byte* y = Allocate(width * height), u = Allocate(cw * ch), v = Allocate(cw * ch);
        reservation = new PictureReservation(Handle.Null, new I420Frame(width, height, y, width, u, cw, v, cw), sequence);
        lock (Pictures)
            Open++;
        return ReelResult.Success;
    }

    public ReelResult Commit(in PictureReservation reservation, string function)
    {
        I420Frame p = reservation.Planes;
        int cw = p.ChromaWidth, ch = p.ChromaHeight;
        lock (Pictures)
        {
            Pictures.Add((reservation.Sequence, new System.Span<byte>(p.Y, width * height).ToArray(),
                new System.Span<byte>(p.U, cw * ch).ToArray(), new System.Span<byte>(p.V, cw * ch).ToArray()));
            Open--;
        }
        return ReelResult.Success;
    }

    public void Cancel(in PictureReservation reservation, string function)
    {
        lock (Pictures)
        {
            Cancelled++;
            Open--;
        }
    }

    public void Dispose()
    {
        foreach (nint block in _memory)
            NativeMemory.Free((void*)block);
        _memory.Clear();
    }

    private byte* Allocate(int bytes)
    {
        var block = (byte*)NativeMemory.AllocZeroed((nuint)bytes);
        lock (_memory)
            _memory.Add((nint)block);
        return block;
    }
}
