using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// libavcodec's picture allocator (the shim's get_buffer2 callbacks) on Reel frame pools:
/// every picture libavcodec decodes is a <c>reel_buffer_t</c> of a frame pool, with exactly the
/// strides and padded plane sizes libavcodec asks for (<see cref="FrameLayout.TryCreateWithStrides"/>),
/// so the frame the host receives is that memory (zero copies). One pool per (format, size,
/// strides); replaced on a change, the old one draining as its buffers come back.
/// </summary>
/// <remarks>
/// libavcodec asks for the coded size (H.264 codes 1080p as 1088 rows); the visible size is
/// known only when the first picture comes out. Until then pools carry the coded size, and a
/// picture whose visible size differs is copied once into a frame of its visible size
/// (<see cref="FFmpegSessionDecoder"/> counts it); the allocator then learns the visible size
/// and makes its pools with it, so from the next allocation on nothing is copied.
/// Threading: <c>Allocate</c> runs on the decoding thread or one libavcodec worker at a time;
/// <c>Release</c> on any thread. Neither throws into libavcodec.
/// </remarks>
internal sealed unsafe class LibavFramePoolAllocator : IDisposable
{
    private readonly ReelContext _context;
    private readonly string _name;
    private readonly uint _poolMax;
    private readonly long _frameSizeLimit;
    private readonly object _lock = new();
    private readonly Dictionary<(uint, uint), (uint, uint)> _visible = new();
    private readonly List<FramePool> _pools = new();
    private GCHandle _self;
    private FramePool? _pool;
    private FramePool? _copyPool;
    private int _poolsCreated;
    private long _poolMisses;
    private string? _refusal;

    /// <summary>An allocator whose pools belong to <paramref name="context"/> and hold <paramref name="poolMax"/> frames before growing.</summary>
    public LibavFramePoolAllocator(ReelContext context, string name, uint poolMax, long frameSizeLimit)
    {
        _context = context;
        _name = name;
        _poolMax = poolMax;
        _frameSizeLimit = frameSizeLimit;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>The user pointer the shim passes back to the callbacks.</summary>
    public void* User => (void*)GCHandle.ToIntPtr(_self);

    /// <summary>The alloc callback for reelff_video_decoder_create.</summary>
    public static delegate* unmanaged<void*, int, int, int, int, int*, long*, byte**, void**, int> AllocCallback => &OnAlloc;

    /// <summary>The release callback for reelff_video_decoder_create.</summary>
    public static delegate* unmanaged<void*, void*, void> ReleaseCallback => &OnRelease;

    /// <summary>The pool pictures come from now; null before the first picture.</summary>
    public FramePool? Pool => Volatile.Read(ref _pool);

    /// <summary>Pools created so far: 1 + size, format or stride changes (copy pools not counted).</summary>
    public int PoolsCreated => Volatile.Read(ref _poolsCreated);

    /// <summary>Buffers every pool of this decoder had to allocate (acquires the free list could not serve).</summary>
    public long PoolMisses
    {
        get
        {
            lock (_lock)
            {
                long misses = _poolMisses;
                foreach (FramePool pool in _pools)
                    misses += (long)pool.GetStats().Misses;
                return misses;
            }
        }
    }

    /// <summary>Why the last allocation was refused (then cleared), or null.</summary>
    public string? TakeRefusal() => Interlocked.Exchange(ref _refusal, null);

    /// <summary>The Reel format of a shim pixel format, or null when Reel has no pool format for it.</summary>
    public static PixelFormat? FormatOf(ShimPixelFormat format) => format switch
    {
        ShimPixelFormat.I420 => PixelFormat.I420,
        ShimPixelFormat.I010 => PixelFormat.I010,
        ShimPixelFormat.Nv12 => PixelFormat.Nv12,
        ShimPixelFormat.P010 => PixelFormat.P010,
        _ => null,
    };

    /// <summary>Records that pictures coded at <paramref name="codedWidth"/> x <paramref name="codedHeight"/> show <paramref name="width"/> x <paramref name="height"/>.</summary>
    public void LearnVisibleSize(uint codedWidth, uint codedHeight, uint width, uint height)
    {
        lock (_lock)
            _visible[(codedWidth, codedHeight)] = (width, height);
    }

    /// <summary>A frame of the visible size to copy a picture into (fallback frames, cropped pictures); a pooled buffer with one reference for the caller.</summary>
    public ReelResult AcquireCopyTarget(PixelFormat format, uint width, uint height, string function, out Handle buffer, out FrameView view)
    {
        buffer = default;
        view = default;
        FramePool? pool;
        lock (_lock)
        {
            pool = _copyPool;
            if (pool is null || pool.Layout.Format != format || pool.Layout.Width != width || pool.Layout.Height != height)
            {
                ReelResult made = FrameLayout.TryCreate(format, width, height, 64, 0, 1, $"{function}: ", out FrameLayout? layout);
                if (made != ReelResult.Success || (made = MakePool(layout!, "copies", function, out pool)) != ReelResult.Success)
                    return made;
                if (_copyPool is not null)
                    Retire(_copyPool);
                _copyPool = pool;
            }
        }
        ReelResult result = pool!.Acquire(function, out buffer);
        if (result != ReelResult.Success)
            return result;
        result = Buffers.GetFrame(buffer, function, out view);
        if (result != ReelResult.Success)
            Buffers.Release(buffer, function);
        return result;
    }

    /// <summary>Destroys the pools (decoder destroy, after libavcodec released its buffers): frames the host holds stay valid until released.</summary>
    public void Dispose()
    {
        List<FramePool> pools;
        lock (_lock)
        {
            pools = new List<FramePool>(_pools);
            foreach (FramePool pool in _pools)
                _poolMisses += (long)pool.GetStats().Misses;
            _pools.Clear();
            _pool = null;
            _copyPool = null;
        }
        foreach (FramePool pool in pools)
            Reel.Pools.Pool.Destroy(pool.Handle, "reel_decoder_destroy");
        if (_self.IsAllocated)
            _self.Free();
    }

    private int Allocate(ShimPixelFormat shimFormat, int width, int height, int planeCount, int* strides, long* sizes, byte** planes, void** cookie)
    {
        PixelFormat? format = FormatOf(shimFormat);
        if (format is null)
            return 1; // libavcodec allocates it; the session decoder reports the format as unsupported
        if (_frameSizeLimit != 0 && (long)width * height > _frameSizeLimit)
        {
            Volatile.Write(ref _refusal, $"the picture is {width}x{height} = {(long)width * height} pixels; desc->frame_size_limit is {_frameSizeLimit}");
            return -1;
        }
        FrameLayout probe;
        Span<uint> planeStrides = stackalloc uint[4];
        Span<ulong> planeSizes = stackalloc ulong[4];
        for (int i = 0; i < planeCount && i < 4; i++)
        {
            planeStrides[i] = (uint)strides[i];
            planeSizes[i] = (ulong)sizes[i];
        }
        FramePool? pool = PoolFor(format.Value, (uint)width, (uint)height, planeStrides[..planeCount], planeSizes[..planeCount]);
        if (pool is null)
            return -1;
        probe = pool.Layout;
        if (pool.Acquire("libavcodec get_buffer2", out Handle handle) != ReelResult.Success)
        {
            Volatile.Write(ref _refusal, LastError.Message);
            return -1;
        }
        if (Buffers.GetFrame(handle, "libavcodec get_buffer2", out FrameView view) != ReelResult.Success)
        {
            Buffers.Release(handle, "libavcodec get_buffer2");
            return -1;
        }
        byte* memory = (byte*)view.Memory;
        for (int i = 0; i < planeCount; i++)
            planes[i] = memory + probe.Plane(i).Offset;
        *cookie = (void*)handle.Value;
        return 0;
    }

    private FramePool? PoolFor(PixelFormat format, uint codedWidth, uint codedHeight, ReadOnlySpan<uint> strides, ReadOnlySpan<ulong> sizes)
    {
        FramePool? current = Volatile.Read(ref _pool);
        if (current is not null && Fits(current.Layout, format, codedWidth, codedHeight, strides, sizes))
            return current;
        lock (_lock)
        {
            current = _pool;
            if (current is not null && Fits(current.Layout, format, codedWidth, codedHeight, strides, sizes))
                return current;
            (uint width, uint height) = _visible.TryGetValue((codedWidth, codedHeight), out (uint, uint) seen) ? seen : (codedWidth, codedHeight);
            string where = "libavcodec get_buffer2: ";
            if (FrameLayout.TryCreateWithStrides(format, width, height, 64, strides, sizes, where, out FrameLayout? layout) != ReelResult.Success
                || MakePool(layout!, null, "reel_decoder (picture allocator)", out FramePool? created) != ReelResult.Success)
            {
                Volatile.Write(ref _refusal, LastError.Message);
                return null;
            }
            _poolsCreated++;
            if (_pool is not null)
            {
                Retire(_pool);
                _context.Log.Write(LogLevel.Info, $"decoder '{_name}': pictures now {width}x{height} {format} (coded {codedWidth}x{codedHeight}); new frame pool");
            }
            Volatile.Write(ref _pool, created);
            return created;
        }
    }

    /// <summary>Whether a pool of <paramref name="layout"/> serves a request (the visible size learnt for the coded one, the same strides, enough rows).</summary>
    private bool Fits(FrameLayout layout, PixelFormat format, uint codedWidth, uint codedHeight, ReadOnlySpan<uint> strides, ReadOnlySpan<ulong> sizes)
    {
        if (layout.Format != format || layout.PlaneCount != strides.Length)
            return false;
        (uint width, uint height) visible;
        lock (_lock)
            visible = _visible.TryGetValue((codedWidth, codedHeight), out (uint, uint) seen) ? seen : (codedWidth, codedHeight);
        if (layout.Width != visible.width || layout.Height != visible.height)
            return false;
        for (int i = 0; i < strides.Length; i++)
        {
            if (layout.Plane(i).Stride != strides[i] || layout.Plane(i).Size < sizes[i])
                return false;
        }
        return true;
    }

    private ReelResult MakePool(FrameLayout layout, string? purpose, string function, out FramePool? pool)
    {
        pool = null;
        ReelResult result = PoolConfig.TryCreate(0, _poolMax, PoolGrowth.Linear, 0, ExhaustionPolicy.Grow, 0, 0, 0, 0, PoolFlags.None,
            _poolMax, $"{function}: ", out PoolConfig? config);
        if (result != ReelResult.Success)
            return result;
        int index = _pools.Count + 1;
        string label = $"{_name} frames {layout.Width}x{layout.Height}{(purpose is null ? "" : " " + purpose)}{(index > 1 ? $" #{index}" : "")}";
        result = FramePool.Create(_context, label, layout, config!, function, out pool);
        if (result == ReelResult.Success)
            _pools.Add(pool!);
        return result;
    }

    /// <summary>Destroys a pool that is no longer used for new pictures; its buffers drain as they come back. Called under the lock.</summary>
    private void Retire(FramePool pool)
    {
        _poolMisses += (long)pool.GetStats().Misses;
        _pools.Remove(pool);
        Reel.Pools.Pool.Destroy(pool.Handle, "reel_decoder (picture size change)");
    }

    [UnmanagedCallersOnly]
    private static int OnAlloc(void* user, int pixelFormat, int width, int height, int planeCount, int* strides, long* sizes, byte** planes, void** cookie)
    {
        try
        {
            var allocator = (LibavFramePoolAllocator)GCHandle.FromIntPtr((nint)user).Target!;
            return allocator.Allocate((ShimPixelFormat)pixelFormat, width, height, planeCount, strides, sizes, planes, cookie);
        }
        catch (Exception)
        {
            return -1;
        }
    }

    [UnmanagedCallersOnly]
    private static void OnRelease(void* user, void* cookie)
    {
        try
        {
            Buffers.Release(new Handle((ulong)cookie), "libavcodec buffer free");
        }
        catch (Exception)
        {
            // Nothing may cross back into libavcodec; a lost release shows in the leak report.
        }
    }
}
