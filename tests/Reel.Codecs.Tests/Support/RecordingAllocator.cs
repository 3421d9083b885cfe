using System;
using System.Collections.Concurrent;
using System.Threading;
using Reel.Abi;
using Reel.Codecs.Decoders;

namespace Reel.Codecs.Tests.Support;

/// <summary>
/// An <see cref="IPictureAllocator"/> over <see cref="NativePictureAllocator"/> that records
/// every live buffer and the threads releases arrive on, and can misbehave on request.
/// </summary>
public sealed unsafe class RecordingAllocator : IPictureAllocator
{
    /// <summary>Ways to misbehave.</summary>
    public enum Fault
    {
        None,
        Throw,
        Misalign,
    }

    private readonly NativePictureAllocator _inner = new();

    /// <summary>Live buffers by luma pointer.</summary>
    public ConcurrentDictionary<nint, PictureBuffer> Live { get; } = new();

    /// <summary>Managed thread ids that released buffers.</summary>
    public ConcurrentDictionary<int, int> ReleaseThreads { get; } = new();

    /// <summary>The misbehaviour of the next allocations.</summary>
    public Fault Mode { get; set; }

    /// <summary>The wrapped allocator's counters.</summary>
    public NativePictureAllocator Inner => _inner;

    public ReelResult Allocate(in PictureRequest request, out PictureBuffer buffer)
    {
        if (Mode == Fault.Throw)
            throw new InvalidOperationException("allocator fault injected by the test");
        ReelResult result = _inner.Allocate(request, out buffer);
        if (result != ReelResult.Success)
            return result;
        if (Mode == Fault.Misalign)
            buffer = new PictureBuffer(buffer.Y + 16, buffer.U, buffer.V, buffer.LumaStride, buffer.ChromaStride, buffer.Token);
        Live[(nint)buffer.Y] = buffer;
        return ReelResult.Success;
    }

    public void Release(in PictureBuffer buffer)
    {
        ReleaseThreads.TryAdd(Environment.CurrentManagedThreadId, 0);
        Live.TryRemove((nint)buffer.Y, out _);
        PictureBuffer original = Mode == Fault.Misalign && ((nint)buffer.Y & 63) != 0
            ? new PictureBuffer(buffer.Y - 16, buffer.U, buffer.V, buffer.LumaStride, buffer.ChromaStride, buffer.Token)
            : buffer;
        _inner.Release(original);
        Interlocked.MemoryBarrier();
    }
}
