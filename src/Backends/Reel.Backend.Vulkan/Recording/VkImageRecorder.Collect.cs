using System;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Recording;

// The collector thread: waits for each frame's queue value in submission order, copies its
// planes into the reserved frame, commits it and frees the slot.
internal sealed unsafe partial class VkImageRecorder
{
    /// <summary>How long one wait for a queue value lasts before the collector checks for shutdown.</summary>
    private const ulong PollNanoseconds = 100_000_000;

    private const string CollectFunction = "reel_movie_writer_write_vk_image (collecting a converted frame)";

    private void CollectLoop()
    {
        while (true)
        {
            _queued.Wait();
            InFlightFrame? frame;
            lock (_lock)
            {
                if (_inFlight.Count == 0)
                {
                    if (_closing)
                        return;
                    continue;
                }
                frame = _inFlight.Peek();
            }
            if (!WaitForQueue(frame))
            {
                // Shutting down with work that never completes: leave it (and its objects) alone.
                _queued.Release();
                return;
            }
            Collect(frame);
            lock (_lock)
            {
                _inFlight.Dequeue();
                _freeSlots.Push(frame.Slot);
            }
            _free.Release();
        }
    }

    /// <summary>Waits for the frame's queue value; false when the recorder is closing and the finish timeout passed meanwhile.</summary>
    private bool WaitForQueue(InFlightFrame frame)
    {
        long deadline = 0;
        while (true)
        {
            ReelResult result = _queue.Timeline.Wait(frame.QueueValue, PollNanoseconds, CollectFunction);
            if (result == ReelResult.Success)
                return true;
            if (result != ReelResult.Timeout)
            {
                // Device loss or a destroyed timeline: nothing of this frame can be read.
                Fail(result, $"{CollectFunction}: frame {frame.Reservation.Sequence}: {LastError.Message}");
                return true;
            }
            bool closing;
            lock (_lock)
                closing = _closing;
            if (!closing)
                continue;
            if (deadline == 0)
                deadline = Environment.TickCount64 + FinishTimeoutMilliseconds;
            else if (Environment.TickCount64 > deadline)
                return false;
        }
    }

    /// <summary>Copies the frame's planes into its reservation and commits it (or cancels it when its work failed), then releases its per-frame objects.</summary>
    private void Collect(InFlightFrame frame)
    {
        bool completed = _queue.Timeline.HasReached(frame.QueueValue);
        if (completed)
        {
            ReelResult result = _device.Allocator.Invalidate(frame.Readback.Allocation, 0, ulong.MaxValue, CollectFunction);
            if (result == ReelResult.Success)
            {
                CopyPlanes(frame.Readback.Mapped, frame.Reservation.Planes);
                result = _target.Commit(frame.Reservation, CollectFunction);
                if (result == ReelResult.Success)
                    System.Threading.Interlocked.Increment(ref _committed);
                else
                    Fail(result, $"{CollectFunction}: frame {frame.Reservation.Sequence}: {LastError.Message}");
            }
            else
            {
                _target.Cancel(frame.Reservation, CollectFunction);
                Fail(result, $"{CollectFunction}: frame {frame.Reservation.Sequence}: {LastError.Message}");
            }
        }
        else
        {
            _target.Cancel(frame.Reservation, CollectFunction);
        }
        _vulkan.Vk.DestroyImageView(_vulkan.Handle, frame.View, null);
        _readback?.Return(frame.Readback);
    }

    /// <summary>The shader's padded planes into the reserved frame (NV12's CbCr deinterleaved).</summary>
    private void CopyPlanes(byte* source, in I420Frame target)
    {
        int width = _planes.Width, height = _planes.Height;
        int chromaWidth = (width + 1) >> 1, chromaHeight = (height + 1) >> 1;
        for (int row = 0; row < height; row++)
            new ReadOnlySpan<byte>(source + (long)row * _planes.YStride, width).CopyTo(new Span<byte>(target.Y + (long)row * target.YStride, width));
        byte* chroma = source + _planes.UOffset;
        if (_planes.Nv12)
        {
            for (int row = 0; row < chromaHeight; row++)
            {
                byte* pairs = chroma + (long)row * _planes.ChromaStride;
                byte* u = target.U + (long)row * target.UStride;
                byte* v = target.V + (long)row * target.VStride;
                for (int x = 0; x < chromaWidth; x++)
                {
                    u[x] = pairs[2 * x];
                    v[x] = pairs[2 * x + 1];
                }
            }
            return;
        }
        byte* cr = source + _planes.VOffset;
        for (int row = 0; row < chromaHeight; row++)
        {
            new ReadOnlySpan<byte>(chroma + (long)row * _planes.ChromaStride, chromaWidth).CopyTo(new Span<byte>(target.U + (long)row * target.UStride, chromaWidth));
            new ReadOnlySpan<byte>(cr + (long)row * _planes.ChromaStride, chromaWidth).CopyTo(new Span<byte>(target.V + (long)row * target.VStride, chromaWidth));
        }
    }
}
