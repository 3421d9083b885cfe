using System.Threading;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

// The GPU input: a producer (the Vulkan backend's recorder of host images) reserves pooled I420
// frames here while its conversion is in flight and commits them in order when it completes.
internal sealed unsafe partial class MovieWriter : IPictureTarget
{
    private IPictureSource? _source;
    private FramePool? _gpuFrames;

    /// <inheritdoc/>
    public int Width => _width;

    /// <inheritdoc/>
    public int Height => _height;

    /// <summary>The context the writer lives in.</summary>
    public ReelContext Context => _context;

    /// <summary>The attached GPU input, or null.</summary>
    public IPictureSource? Source => Volatile.Read(ref _source);

    /// <summary>
    /// Attaches the producer made by <paramref name="create"/> with a pool for its reservations
    /// ("&lt;name&gt; gpu frames"): <paramref name="framesInFlight"/> frames being converted plus
    /// what the encoder holds after a commit (its queue and the frame it reads). One producer per
    /// writer: BadState when one is attached or the writer ended.
    /// </summary>
    public ReelResult AttachSource(int framesInFlight, System.Func<IPictureTarget, (ReelResult, IPictureSource?)> create, string function, out IPictureSource? source)
    {
        source = null;
        lock (_lock)
        {
            ReelResult result = CheckOpen(function);
            if (result != ReelResult.Success)
                return result;
            if (_source is not null)
                return CodecErrors.InvalidState($"{function}: the movie writer already records from a device; one device per writer");
            PoolConfig? config = null;
            result = FrameLayout.TryCreate(PixelFormat.I420, (uint)_width, (uint)_height, 0, 0, 0, $"{function}: ", out FrameLayout? layout);
            if (result == ReelResult.Success)
            {
                // Never waits: the producer reserves only with a free slot of its own, and a commit
                // blocks while the encoder's queue is full, so at most this many are ever out.
                uint max = (uint)(framesInFlight + _queueDepth + 2);
                result = PoolConfig.TryCreate(0, max, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0, 0, PoolFlags.None,
                    max, $"{function}: gpu frame pool ", out config);
            }
            if (result == ReelResult.Success)
                result = FramePool.Create(_context, $"{_name} gpu frames", layout!, config!, function, out _gpuFrames);
            if (result != ReelResult.Success)
                return result;
            (result, source) = create(this);
            if (result != ReelResult.Success)
            {
                Pool.Destroy(_gpuFrames!.Handle, function);
                _gpuFrames = null;
                return result;
            }
            Volatile.Write(ref _source, source);
            return ReelResult.Success;
        }
    }

    /// <inheritdoc/>
    public ReelResult Reserve(long sequence, ulong tag, string function, out PictureReservation reservation)
    {
        reservation = default;
        FramePool? pool = Volatile.Read(ref _gpuFrames);
        if (pool is null)
            return CodecErrors.InvalidState($"{function}: the movie writer has no GPU input");
        ReelResult result = pool.Acquire(function, out Handle frame);
        if (result != ReelResult.Success)
            return result;
        Buffers.SetPts(frame, sequence, function);
        Buffers.SetTag(frame, tag, function);
        Buffers.GetFrame(frame, function, out FrameView view);
        reservation = new PictureReservation(frame, FrameViews.ToI420(view), sequence);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Commit(in PictureReservation reservation, string function)
    {
        try
        {
            lock (_lock)
            {
                ReelResult result = CheckOpen(function);
                if (result == ReelResult.Success)
                    result = Submit(reservation.Buffer, function);
                if (result == ReelResult.Success)
                    Interlocked.Increment(ref _converted);
                return result;
            }
        }
        finally
        {
            // The encoder holds its own reference while the frame waits in its queue.
            Buffers.Release(reservation.Buffer, function);
        }
    }

    /// <inheritdoc/>
    public void Cancel(in PictureReservation reservation, string function) => Buffers.Release(reservation.Buffer, function);

    /// <summary>Finishes the GPU input (its frames in flight are committed); Success without one.</summary>
    private ReelResult FinishSource(string function) => Volatile.Read(ref _source)?.Finish(function) ?? ReelResult.Success;

    private void DestroyGpuFramePool(string function)
    {
        FramePool? pool = Interlocked.Exchange(ref _gpuFrames, null);
        if (pool is not null)
            Pool.Destroy(pool.Handle, function);
    }
}
