using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// <see cref="Dav1dDecoder"/> as a session decoder: each decoded picture already lives in a
/// Reel frame buffer (<see cref="FramePoolPictureAllocator"/>); receiving adds the caller's
/// reference, stamps the pts and drops dav1d's output reference.
/// </summary>
internal sealed class Dav1dSessionDecoder : IDecoder
{
    private readonly Dav1dDecoder _decoder;
    private readonly FramePoolPictureAllocator _allocator;
    private readonly RepeatedPictureGuard _repeats = new();

    /// <summary>Wraps an open decoder and the allocator it was opened with.</summary>
    public Dav1dSessionDecoder(Dav1dDecoder decoder, FramePoolPictureAllocator allocator)
    {
        _decoder = decoder;
        _allocator = allocator;
    }

    /// <inheritdoc/>
    public FramePool? FramePool => _allocator.Pool;

    /// <inheritdoc/>
    public int PoolsCreated => _allocator.PoolsCreated;

    /// <inheritdoc/>
    public ReelResult Send(ReadOnlySpan<byte> data, long pts, string function) => Unsupported(_decoder.SendData(data, pts, function), function);

    /// <inheritdoc/>
    public ReelResult Receive(string function, out FrameRef frame)
    {
        frame = default;
        ReelResult result = _decoder.GetPicture(function, out DecodedPicture picture);
        if (result == ReelResult.NotReady)
            return _decoder.IsEndOfStream ? ReelResult.EndOfStream : ReelResult.NotReady;
        if (result != ReelResult.Success)
            return Unsupported(result, function);
        var handle = new Handle((ulong)picture.AllocatorToken);
        // The caller's reference first, then dav1d's output reference goes: the buffer stays out.
        result = Buffers.Retain(handle, function);
        if (result == ReelResult.Success)
        {
            // A picture shown again gets its own buffer, so the pts the caller holds stays.
            if ((result = _repeats.HandOut(ref handle, function)) == ReelResult.Success)
                Buffers.SetPts(handle, picture.Pts, function);
            else
                Buffers.Release(handle, function);
        }
        Dav1dDecoder.ReleasePicture(ref picture);
        if (result != ReelResult.Success)
            return result;
        frame = FrameRef.Pooled(handle);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Flush(string function) => _decoder.Flush();

    /// <inheritdoc/>
    public void Reset()
    {
        _decoder.Reset();
        _repeats.Clear();
    }

    /// <summary>Closes dav1d (its references go back) and destroys the frame pool (frames the host holds stay valid).</summary>
    public void Dispose()
    {
        _decoder.Dispose();
        _allocator.DestroyPool();
    }

    /// <summary>A picture no Reel format holds fails in dav1d as ENOMEM; report it as what it is.</summary>
    private ReelResult Unsupported(ReelResult result, string function)
    {
        if (result == ReelResult.ErrorOutOfMemory && _allocator.TakeUnsupported() is { } reason)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the picture cannot be decoded into a Reel frame: {reason}");
        return result;
    }
}
