using System;
using System.Threading;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// A libavcodec video decoder (h264, hevc, vp9, libdav1d, or a hardware one such as
/// h264_cuvid) as a session decoder. Pictures are decoded into Reel frame pools
/// (<see cref="LibavFramePoolAllocator"/>); receiving hands the host that very buffer with its
/// own reference. A picture that is not in a Reel frame of its visible size (libavcodec's own
/// allocation: decoders without direct rendering, such as the libdav1d wrapper; a crop that
/// moves the plane start; the pictures before the visible size was known) is copied into one
/// and counted in <see cref="FramesCopied"/>. Used by one thread at a time.
/// </summary>
internal sealed unsafe class FFmpegSessionDecoder : IDecoder
{
    private readonly FFmpegShim _shim;
    private readonly string _decoderName;
    private readonly LibavFramePoolAllocator _allocator;
    private nint _handle;
    private bool _draining;
    private bool _endOfStream;
    private long _framesCopied;

    private FFmpegSessionDecoder(FFmpegShim shim, string decoderName, LibavFramePoolAllocator allocator, nint handle)
    {
        _shim = shim;
        _decoderName = decoderName;
        _allocator = allocator;
        _handle = handle;
    }

    /// <summary>Opens libavcodec's <paramref name="decoderName"/> for <paramref name="codec"/> with <paramref name="threads"/> threads (0 = FFmpeg's choice).</summary>
    public static ReelResult Create(FFmpegShim shim, ShimCodec codec, string decoderName, int threads, LibavFramePoolAllocator allocator,
        string function, out FFmpegSessionDecoder? decoder)
    {
        decoder = null;
        byte[] name = System.Text.Encoding.UTF8.GetBytes(decoderName + "\0");
        nint handle;
        int err;
        fixed (byte* n = name)
        {
            err = shim.VideoDecoder.Create((int)codec, n, null, 0, threads, LibavFramePoolAllocator.AllocCallback,
                LibavFramePoolAllocator.ReleaseCallback, allocator.User, &handle);
        }
        if (err < 0)
            return ShimErrors.Fail(shim, err, $"{function}: {decoderName}");
        decoder = new FFmpegSessionDecoder(shim, decoderName, allocator, handle);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public FramePool? FramePool => _allocator.Pool;

    /// <inheritdoc/>
    public int PoolsCreated => _allocator.PoolsCreated;

    /// <inheritdoc/>
    public long FramesCopied => Volatile.Read(ref _framesCopied);

    /// <inheritdoc/>
    public long PoolMisses => _allocator.PoolMisses;

    /// <summary>The shim's counters: pictures, pictures in host buffers, host allocations and releases, libavcodec's own allocations.</summary>
    public (long Frames, long HostFrames, long Allocations, long Releases, long Fallbacks) ShimStats()
    {
        long frames = 0, host = 0, allocations = 0, releases = 0, fallbacks = 0;
        if (_handle != 0)
            _shim.VideoDecoder.Stats(_handle, &frames, &host, &allocations, &releases, &fallbacks);
        return (frames, host, allocations, releases, fallbacks);
    }

    /// <inheritdoc/>
    public ReelResult Send(ReadOnlySpan<byte> data, long pts, string function)
    {
        if (_draining)
            return LastError.Set(ReelResult.ErrorBadState, $"{function}: {_decoderName} was flushed; reset it before sending more");
        if (data.IsEmpty)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the packet is empty; allowed 1 byte or more (reel_decoder_flush ends the stream)");
        int err;
        fixed (byte* d = data)
            err = _shim.VideoDecoder.SendPacket(_handle, d, data.Length, pts, ShimConstants.NoPts, 0);
        if (err == ShimConstants.ErrorAgain)
            return ReelResult.NotReady;
        return err < 0 ? Fail(err, function) : ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Receive(string function, out FrameRef frame)
    {
        frame = default;
        if (_endOfStream)
            return ReelResult.EndOfStream;
        int pixelFormat, width, height, flags;
        byte** planes = stackalloc byte*[4];
        int* strides = stackalloc int[4];
        long pts;
        void* cookie;
        int err = _shim.VideoDecoder.Receive(_handle, &pixelFormat, &width, &height, planes, strides, &pts, &flags, &cookie);
        if (err == ShimConstants.ErrorAgain)
            return ReelResult.NotReady;
        if (err == ShimConstants.ErrorEof)
        {
            _endOfStream = true;
            return ReelResult.EndOfStream;
        }
        if (err < 0)
            return Fail(err, function);
        PixelFormat? format = LibavFramePoolAllocator.FormatOf((ShimPixelFormat)pixelFormat);
        if (format is null)
        {
            string name = FFmpegShim.Text(_shim.VideoDecoder.PixelFormatName(_handle));
            return CodecErrors.Unsupported($"{function}: the stream decodes to {name}; Reel frame pools hold I420, I010, NV12 and P010 only");
        }
        ReelResult result;
        if (cookie != null)
        {
            var handle = new Handle((ulong)cookie);
            result = Buffers.GetFrame(handle, function, out FrameView view);
            if (result != ReelResult.Success)
                return result;
            if (InPlace(view, width, height, planes))
            {
                // The caller's reference; libavcodec's goes when it drops the picture.
                if ((result = Buffers.Retain(handle, function)) != ReelResult.Success)
                    return result;
                Buffers.SetPts(handle, pts, function);
                frame = FrameRef.Pooled(handle);
                return ReelResult.Success;
            }
            if (view.Memory + (nint)view.Layout.Plane(0).Offset == (nint)planes[0])
                _allocator.LearnVisibleSize(view.Layout.Width, view.Layout.Height, (uint)width, (uint)height);
        }
        result = Copy(format.Value, width, height, planes, strides, pts, function, out Handle copy);
        if (result != ReelResult.Success)
            return result;
        Interlocked.Increment(ref _framesCopied);
        frame = FrameRef.Pooled(copy);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Flush(string function)
    {
        if (_draining)
            return ReelResult.Success;
        _draining = true;
        int err = _shim.VideoDecoder.SendPacket(_handle, null, 0, ShimConstants.NoPts, ShimConstants.NoPts, 0);
        return err < 0 && err != ShimConstants.ErrorEof ? Fail(err, function) : ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _shim.VideoDecoder.Reset(_handle);
        _draining = false;
        _endOfStream = false;
    }

    /// <summary>Frees the decoder (libavcodec releases every buffer first) and destroys the pools; frames the host holds stay valid.</summary>
    public void Dispose()
    {
        nint handle = _handle;
        _handle = 0;
        if (handle != 0)
            _shim.VideoDecoder.Destroy(handle);
        _allocator.Dispose();
    }

    private static bool InPlace(in FrameView view, int width, int height, byte** planes)
    {
        FrameLayout layout = view.Layout;
        if (layout.Width != (uint)width || layout.Height != (uint)height)
            return false;
        for (int i = 0; i < layout.PlaneCount; i++)
        {
            if ((nint)planes[i] != view.Memory + (nint)layout.Plane(i).Offset)
                return false;
        }
        return true;
    }

    /// <summary>Copies a picture into a Reel frame of its visible size (the fallback; counted).</summary>
    private ReelResult Copy(PixelFormat format, int width, int height, byte** planes, int* strides, long pts, string function, out Handle buffer)
    {
        ReelResult result = _allocator.AcquireCopyTarget(format, (uint)width, (uint)height, function, out buffer, out FrameView view);
        if (result != ReelResult.Success)
            return result;
        FrameLayout layout = view.Layout;
        for (int i = 0; i < layout.PlaneCount; i++)
        {
            PlaneLayout plane = layout.Plane(i);
            uint rows = i == 0 ? (uint)height : ((uint)height + 1) / 2;
            byte* target = (byte*)view.Memory + plane.Offset;
            for (uint row = 0; row < rows; row++)
                Buffer.MemoryCopy(planes[i] + (long)row * strides[i], target + (long)row * plane.Stride, plane.Stride, plane.RowBytes);
        }
        Buffers.SetPts(buffer, pts, function);
        return ReelResult.Success;
    }

    private ReelResult Fail(int err, string function)
    {
        if (_allocator.TakeRefusal() is { } refusal)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {_decoderName}: the picture cannot be decoded into a Reel frame: {refusal}");
        return ShimErrors.Fail(_shim, err, $"{function}: {_decoderName}");
    }
}
