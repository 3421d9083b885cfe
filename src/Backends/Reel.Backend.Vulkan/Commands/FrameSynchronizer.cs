using System;
using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Commands;

/// <summary>
/// Bounds how far the CPU runs ahead of the GPU: at most <see cref="MaxFramesInFlight"/>
/// frames are begun and not complete. Each frame remembers, per queue, the timeline value of
/// its last submission; beginning frame N waits until every queue reached the values frame
/// N - max recorded, so the resources that frame used (command buffers, bitstream buffers,
/// staging) are free again. Frames are begun and ended by one thread at a time.
/// </summary>
internal sealed unsafe class FrameSynchronizer
{
    /// <summary>Default <see cref="MaxFramesInFlight"/>.</summary>
    public const int DefaultMaxFramesInFlight = 2;

    private readonly VulkanDevice _device;
    private readonly IReadOnlyList<CommandBufferManager> _queues;
    private readonly Lock _lock = new();

    /// <summary>Per frame slot (frame % max), per queue: the value that frame's last submission signals.</summary>
    private readonly ulong[][] _frameValues;
    private long _frame;
    private bool _inFrame;

    /// <summary>A synchronizer over the timelines of <paramref name="queues"/>.</summary>
    public FrameSynchronizer(VulkanDevice device, IReadOnlyList<CommandBufferManager> queues, int maxFramesInFlight)
    {
        _device = device;
        _queues = queues;
        MaxFramesInFlight = maxFramesInFlight;
        _frameValues = new ulong[maxFramesInFlight][];
        for (int i = 0; i < maxFramesInFlight; i++)
            _frameValues[i] = new ulong[queues.Count];
    }

    /// <summary>Frames begun and not complete, at most.</summary>
    public int MaxFramesInFlight { get; }

    /// <summary>The latest frame begun (0 before the first).</summary>
    public long Frame => Volatile.Read(ref _frame);

    /// <summary>Whether a frame is begun and not ended.</summary>
    public bool InFrame
    {
        get
        {
            lock (_lock)
                return _inFrame;
        }
    }

    /// <summary>
    /// Begins the next frame once the frame <see cref="MaxFramesInFlight"/> before it completed
    /// on every queue; Timeout (no frame begun) when that takes longer than <paramref name="timeoutNanoseconds"/>.
    /// </summary>
    public ReelResult BeginFrame(ulong timeoutNanoseconds, string function, out long frame)
    {
        frame = 0;
        // A copy on the stack: the frame tick allocates nothing.
        Span<ulong> waitValues = stackalloc ulong[_queues.Count];
        lock (_lock)
        {
            if (_inFrame)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: frame {_frame} is still begun; end it first");
            _frameValues[(int)((_frame + 1) % MaxFramesInFlight)].CopyTo(waitValues);
        }
        ReelResult result = WaitAll(waitValues, timeoutNanoseconds, function);
        if (result != ReelResult.Success)
            return result;
        lock (_lock)
        {
            if (_inFrame)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: another thread began frame {_frame} meanwhile");
            _inFrame = true;
            frame = Interlocked.Increment(ref _frame);
            return ReelResult.Success;
        }
    }

    /// <summary>Ends the begun frame: records each queue's latest submitted value for it.</summary>
    public ReelResult EndFrame(string function)
    {
        lock (_lock)
        {
            if (!_inFrame)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: no frame is begun (frame {_frame} was ended); call the begin first");
            ulong[] values = _frameValues[(int)(_frame % MaxFramesInFlight)];
            for (int i = 0; i < _queues.Count; i++)
                values[i] = _queues[i].LastSubmittedValue;
            _inFrame = false;
            return ReelResult.Success;
        }
    }

    private ReelResult WaitAll(ReadOnlySpan<ulong> values, ulong timeoutNanoseconds, string function)
    {
        int count = 0;
        var semaphores = stackalloc VkSemaphore[values.Length];
        var targets = stackalloc ulong[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == 0)
                continue;
            semaphores[count] = _queues[i].Timeline.Semaphore;
            targets[count++] = values[i];
        }
        if (count == 0)
            return ReelResult.Success;
        var info = new SemaphoreWaitInfo
        {
            SType = StructureType.SemaphoreWaitInfo,
            SemaphoreCount = (uint)count,
            PSemaphores = semaphores,
            PValues = targets,
        };
        Result status = _device.Vk.WaitSemaphores(_device.Handle, &info, timeoutNanoseconds);
        if (status == Result.Timeout)
        {
            return LastError.Set(ReelResult.Timeout,
                $"{function}: frame {Frame + 1 - MaxFramesInFlight} is still in flight after {timeoutNanoseconds} ns ({MaxFramesInFlight} frames in flight at most)");
        }
        return VulkanCall.Check(status, function, "vkWaitSemaphores");
    }
}
