using System.Threading;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Decoders;
using Reel.Context;
using Reel.Handles;
using Reel.Logging;
using Reel.Pools;

namespace Reel.Codecs.Decoders;

/// <summary>
/// dav1d's picture allocator on Reel frame pools: every picture dav1d decodes into is a
/// <c>reel_buffer_t</c> of a frame pool, so the frame a host receives is that memory (zero
/// copies). One pool per (format, size): I420 for 8-bit 4:2:0, I010 for 10-bit 4:2:0.
/// dav1d's rules (<see cref="PictureRequest"/>): 64-byte aligned planes holding the width and
/// height rounded up to 128 samples, U and V sharing a stride, 64 bytes of tail padding. A
/// pool's stride_align is in bytes, so it is 128 samples' worth: 128 bytes for 8-bit, 256 for
/// 10-bit (two bytes a sample). With 128 bytes a 10-bit row would be rounded to 64 samples
/// only, too short for every width whose rounding to 64 is an odd multiple of 64 (16, 320,
/// 960 ...). The chroma planes, rounded the same way, are at least half the luma stride;
/// height_align 128 gives the rows. The pool is created on the first picture and replaced on a
/// resolution change; the old one drains as its buffers come back.
/// </summary>
/// <remarks>
/// A picture's buffer carries one reference for dav1d (released through
/// <see cref="Release"/>, on dav1d worker threads too) and one for each host that received it.
/// Pool size: 8 reference slots + 2 x the frame delay (frames in flight, film-grain outputs) +
/// the frames the host holds + 2 spare; past that the pool grows (GROW policy) with a warning
/// in the log instead of failing a decode.
/// </remarks>
public sealed unsafe class FramePoolPictureAllocator : IPictureAllocator
{
    /// <summary>AV1 reference slots dav1d may keep alive.</summary>
    public const int ReferenceSlots = 8;

    private readonly ReelContext _context;
    private readonly string _name;
    private readonly uint _poolMax;
    private readonly object _lock = new();
    private FramePool? _pool;
    private int _poolsCreated;
    private string? _unsupported;

    /// <summary>Creates an allocator whose pools belong to <paramref name="context"/> and hold <paramref name="poolMax"/> frames before growing.</summary>
    public FramePoolPictureAllocator(ReelContext context, string name, uint poolMax)
    {
        _context = context;
        _name = name;
        _poolMax = poolMax;
    }

    /// <summary>Frames a pool holds before it grows, for <paramref name="frameDelay"/> frames in flight and <paramref name="framesHeld"/> held by the host.</summary>
    public static uint PoolSize(int frameDelay, int framesHeld) => (uint)(ReferenceSlots + 2 * frameDelay + framesHeld + 2);

    /// <summary>The pool pictures come from now; null before the first picture.</summary>
    public FramePool? Pool => Volatile.Read(ref _pool);

    /// <summary>Pools created so far: 1 + the resolution or format changes.</summary>
    public int PoolsCreated => Volatile.Read(ref _poolsCreated);

    /// <summary>Why the last allocation was refused because no Reel pixel format holds the picture (then null), or null.</summary>
    public string? TakeUnsupported() => Interlocked.Exchange(ref _unsupported, null);

    /// <inheritdoc/>
    public ReelResult Allocate(in PictureRequest request, out PictureBuffer buffer)
    {
        buffer = default;
        PixelFormat format;
        if (request.Layout == PixelLayout.I420 && request.BitDepth == 8)
            format = PixelFormat.I420;
        else if (request.Layout == PixelLayout.I420 && request.BitDepth == 10)
            format = PixelFormat.I010;
        else
        {
            string reason = $"the stream is {request.BitDepth}-bit {request.Layout}; decoded frames come in Reel frame pools of format I420 (8-bit 4:2:0) or I010 (10-bit 4:2:0) only";
            Volatile.Write(ref _unsupported, reason);
            return CodecErrors.Unsupported(reason);
        }
        FramePool? pool = PoolFor(format, request.Width, request.Height, out ReelResult result);
        if (pool is null)
            return result;
        result = pool.Acquire("dav1d picture allocator", out Handle handle);
        if (result != ReelResult.Success)
            return result;
        result = Buffers.GetFrame(handle, "dav1d picture allocator", out FrameView view);
        if (result != ReelResult.Success)
        {
            Buffers.Release(handle, "dav1d picture allocator");
            return result;
        }
        FrameLayout layout = view.Layout;
        byte* memory = (byte*)view.Memory;
        buffer = new PictureBuffer(
            memory + layout.Plane(0).Offset,
            memory + layout.Plane(1).Offset,
            memory + layout.Plane(2).Offset,
            (nint)layout.Plane(0).Stride,
            (nint)layout.Plane(1).Stride,
            (nint)handle.Value);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Release(in PictureBuffer buffer)
    {
        // Lock-free and thread-safe: dav1d calls this on its worker threads.
        Buffers.Release(new Handle((ulong)buffer.Token), "dav1d release_picture_callback");
    }

    /// <summary>Destroys the current pool (decoder destroy): frames the host still holds stay valid until released.</summary>
    public void DestroyPool()
    {
        FramePool? pool;
        lock (_lock)
        {
            pool = _pool;
            _pool = null;
        }
        if (pool is not null)
            Reel.Pools.Pool.Destroy(pool.Handle, "reel_decoder_destroy");
    }

    private FramePool? PoolFor(PixelFormat format, int width, int height, out ReelResult result)
    {
        result = ReelResult.Success;
        FramePool? current = Volatile.Read(ref _pool);
        if (current is not null && Matches(current.Layout, format, width, height))
            return current;
        FramePool? old;
        FramePool? created;
        lock (_lock)
        {
            current = _pool;
            if (current is not null && Matches(current.Layout, format, width, height))
                return current;
            uint sampleBytes = format == PixelFormat.I010 ? 2u : 1u;
            result = FrameLayout.TryCreate(format, (uint)width, (uint)height, PictureRequest.SizeAlignment * sampleBytes, 0, PictureRequest.SizeAlignment,
                "dav1d picture allocator: ", out FrameLayout? layout);
            if (result != ReelResult.Success)
                return null;
            result = PoolConfig.TryCreate(0, _poolMax, PoolGrowth.Linear, 0, ExhaustionPolicy.Grow, 0, 0, 0, 0, PoolFlags.None,
                _poolMax, "dav1d picture allocator: ", out PoolConfig? config);
            if (result != ReelResult.Success)
                return null;
            int index = _poolsCreated + 1;
            result = FramePool.Create(_context, $"{_name} frames {width}x{height}{(index > 1 ? $" #{index}" : "")}", layout!, config!,
                "reel_decoder (picture allocator)", out created);
            if (result != ReelResult.Success)
                return null;
            old = _pool;
            Volatile.Write(ref _pool, created);
            _poolsCreated = index;
        }
        if (old is not null)
        {
            // The old size's buffers drain as dav1d and the host release them.
            Reel.Pools.Pool.Destroy(old.Handle, "reel_decoder (resolution change)");
            _context.Log.Write(LogLevel.Info, $"decoder '{_name}': picture size changed to {width}x{height} {format}; new frame pool");
        }
        return created;
    }

    private static bool Matches(FrameLayout layout, PixelFormat format, int width, int height)
        => layout.Format == format && layout.Width == (uint)width && layout.Height == (uint)height;
}
