using System;
using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Sync;

namespace Reel.Vulkan.Commands;

/// <summary>
/// The command buffers of one queue: at most <see cref="Capacity"/> exist, each begun for
/// one-time submission and recycled only once the queue's timeline reached the value its
/// submission signals. Every submission signals the next value of the queue's timeline (one
/// timeline semaphore per queue, values assigned under the queue's submit lock so that they
/// grow in submission order). Begin and submit are safe from any thread; recording a given
/// command buffer belongs to one thread at a time (Vulkan's rule).
/// </summary>
internal sealed unsafe class CommandBufferManager : IDisposable
{
    /// <summary>Default <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 16;

    private readonly VulkanDevice _device;
    private readonly Lock _lock = new();
    private readonly List<CommandContext> _contexts = new();

    /// <summary>Command buffers between begin and submit, by handle.</summary>
    private readonly Dictionary<nint, CommandContext> _recording = new();

    /// <summary>The value the latest successful submission signals; written under the queue's submit lock.</summary>
    private ulong _lastSubmitted;
    private bool _disposed;

    /// <summary>A manager for <paramref name="queue"/> signalling <paramref name="timeline"/> (at 0, owned by the manager's creator).</summary>
    public CommandBufferManager(VulkanDevice device, VulkanQueue queue, GpuTimeline timeline, int capacity)
    {
        _device = device;
        Queue = queue;
        Timeline = timeline;
        Capacity = capacity;
    }

    /// <summary>The queue submissions go to.</summary>
    public VulkanQueue Queue { get; }

    /// <summary>The queue's timeline.</summary>
    public GpuTimeline Timeline { get; }

    /// <summary>Most command buffers (recording or in flight) at once.</summary>
    public int Capacity { get; }

    /// <summary>The value the latest submission signals (0 before the first).</summary>
    public ulong LastSubmittedValue => Volatile.Read(ref _lastSubmitted);

    /// <summary>Command buffers created so far (never more than <see cref="Capacity"/>).</summary>
    public int Created
    {
        get
        {
            lock (_lock)
                return _contexts.Count;
        }
    }

    /// <summary>Submitted command buffers whose value the timeline has not reached, as of the last begin.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
                return _contexts.FindAll(c => c.State == CommandContextState.Pending).Count;
        }
    }

    /// <summary>
    /// A command buffer in the recording state (ONE_TIME_SUBMIT): a recycled one whose work
    /// completed (the oldest first), a new one below the capacity, or LimitReached.
    /// </summary>
    public ReelResult Begin(string function, out CommandBuffer buffer)
    {
        buffer = default;
        lock (_lock)
        {
            if (_disposed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the queue's command buffers are shut down");
            CommandContext? context = Recycle();
            ReelResult result;
            if (context is null)
            {
                if (_contexts.Count >= Capacity)
                {
                    return LastError.Set(ReelResult.ErrorLimitReached,
                        $"{function}: all {Capacity} command buffers of {Queue} are recording or in flight (the timeline is at {CompletedValue()}, " +
                        $"the latest submission signals {LastSubmittedValue}); wait for the queue's timeline, or begin fewer frames ahead");
                }
                result = Create(function, out context);
                if (result != ReelResult.Success)
                    return result;
            }
            else
            {
                result = VulkanCall.Check(_device.Vk.ResetCommandPool(_device.Handle, context.Pool, 0), function, "vkResetCommandPool");
                if (result != ReelResult.Success)
                    return result;
            }
            var begin = new CommandBufferBeginInfo
            {
                SType = StructureType.CommandBufferBeginInfo,
                Flags = CommandBufferUsageFlags.OneTimeSubmitBit,
            };
            result = VulkanCall.Check(_device.Vk.BeginCommandBuffer(context!.Buffer, &begin), function, "vkBeginCommandBuffer");
            if (result != ReelResult.Success)
                return result;
            context.State = CommandContextState.Recording;
            _recording[context.Buffer.Handle] = context;
            buffer = context.Buffer;
            return ReelResult.Success;
        }
    }

    /// <summary>Whether <paramref name="buffer"/> is one of this manager's, begun and not yet submitted.</summary>
    public bool IsRecording(CommandBuffer buffer)
    {
        lock (_lock)
            return _recording.ContainsKey(buffer.Handle);
    }

    /// <summary>
    /// Ends and submits a command buffer from <see cref="Begin"/>, waiting for
    /// <paramref name="waits"/> and signalling <paramref name="signals"/> plus the queue's next
    /// timeline value, which <paramref name="value"/> receives.
    /// </summary>
    public ReelResult Submit(CommandBuffer buffer, ReadOnlySpan<TimelineWait> waits, ReadOnlySpan<TimelineSignal> signals, string function, out ulong value)
    {
        value = 0;
        CommandContext? context;
        lock (_lock)
        {
            if (!_recording.Remove(buffer.Handle, out context))
            {
                return LastError.Set(ReelResult.ErrorInvalidArgument,
                    $"{function}: vk_command_buffer 0x{buffer.Handle:x} is not recording on {Queue}: it was not begun there, or it was submitted already");
            }
        }
        ReelResult result = VulkanCall.Check(_device.Vk.EndCommandBuffer(buffer), function, "vkEndCommandBuffer");
        if (result == ReelResult.Success)
            result = SubmitEnded(buffer, waits, signals, function, out value);
        lock (_lock)
        {
            // A failed submission leaves nothing in flight: the buffer is free again (its pool is reset at the next begin).
            context!.State = result == ReelResult.Success ? CommandContextState.Pending : CommandContextState.Idle;
            if (result == ReelResult.Success)
                context.SubmittedValue = value;
        }
        return result;
    }

    /// <summary>Waits until every submission so far completed: Success, or Timeout.</summary>
    public ReelResult WaitIdle(ulong timeoutNanoseconds, string function)
    {
        ulong last = LastSubmittedValue;
        return last == 0 ? ReelResult.Success : Timeline.Wait(last, timeoutNanoseconds, function);
    }

    /// <summary>Destroys the command pools (and so their buffers). The caller waited for the queue first.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (CommandContext context in _contexts)
                _device.Vk.DestroyCommandPool(_device.Handle, context.Pool, null);
            _contexts.Clear();
            _recording.Clear();
        }
    }

    /// <summary>The idle context submitted longest ago, after marking completed ones idle; null if none.</summary>
    private CommandContext? Recycle()
    {
        ulong completed = CompletedValue();
        CommandContext? oldest = null;
        foreach (CommandContext context in _contexts)
        {
            if (context.State == CommandContextState.Pending && context.SubmittedValue <= completed)
                context.State = CommandContextState.Idle;
            if (context.State == CommandContextState.Idle && (oldest is null || context.SubmittedValue < oldest.SubmittedValue))
                oldest = context;
        }
        return oldest;
    }

    private ulong CompletedValue()
    {
        ulong value;
        return _device.Vk.GetSemaphoreCounterValue(_device.Handle, Timeline.Semaphore, &value) == Result.Success ? value : 0;
    }

    private ReelResult Create(string function, out CommandContext? context)
    {
        context = null;
        var poolInfo = new CommandPoolCreateInfo
        {
            SType = StructureType.CommandPoolCreateInfo,
            Flags = CommandPoolCreateFlags.TransientBit,
            QueueFamilyIndex = Queue.FamilyIndex,
        };
        CommandPool pool;
        ReelResult result = VulkanCall.Check(_device.Vk.CreateCommandPool(_device.Handle, &poolInfo, null, &pool), function, "vkCreateCommandPool");
        if (result != ReelResult.Success)
            return result;
        var allocate = new CommandBufferAllocateInfo
        {
            SType = StructureType.CommandBufferAllocateInfo,
            CommandPool = pool,
            Level = CommandBufferLevel.Primary,
            CommandBufferCount = 1,
        };
        CommandBuffer buffer;
        result = VulkanCall.Check(_device.Vk.AllocateCommandBuffers(_device.Handle, &allocate, &buffer), function, "vkAllocateCommandBuffers");
        if (result != ReelResult.Success)
        {
            _device.Vk.DestroyCommandPool(_device.Handle, pool, null);
            return result;
        }
        context = new CommandContext(pool, buffer);
        _contexts.Add(context);
        return ReelResult.Success;
    }

    private ReelResult SubmitEnded(CommandBuffer buffer, ReadOnlySpan<TimelineWait> waits, ReadOnlySpan<TimelineSignal> signals, string function, out ulong value)
    {
        var waitInfos = stackalloc SemaphoreSubmitInfo[Math.Max(1, waits.Length)];
        for (int i = 0; i < waits.Length; i++)
        {
            waitInfos[i] = new SemaphoreSubmitInfo
            {
                SType = StructureType.SemaphoreSubmitInfo,
                Semaphore = waits[i].Semaphore,
                Value = waits[i].Value,
                StageMask = waits[i].Stages == 0 ? PipelineStageFlags2.AllCommandsBit : waits[i].Stages,
            };
        }
        var signalInfos = stackalloc SemaphoreSubmitInfo[signals.Length + 1];
        for (int i = 0; i < signals.Length; i++)
        {
            signalInfos[i + 1] = new SemaphoreSubmitInfo
            {
                SType = StructureType.SemaphoreSubmitInfo,
                Semaphore = signals[i].Semaphore,
                Value = signals[i].Value,
                StageMask = PipelineStageFlags2.AllCommandsBit,
            };
        }
        var bufferInfo = new CommandBufferSubmitInfo { SType = StructureType.CommandBufferSubmitInfo, CommandBuffer = buffer };
        var submit = new SubmitInfo2
        {
            SType = StructureType.SubmitInfo2,
            WaitSemaphoreInfoCount = (uint)waits.Length,
            PWaitSemaphoreInfos = waitInfos,
            CommandBufferInfoCount = 1,
            PCommandBufferInfos = &bufferInfo,
            SignalSemaphoreInfoCount = (uint)signals.Length + 1,
            PSignalSemaphoreInfos = signalInfos,
        };
        Result status;
        lock (Queue.SubmitLock)
        {
            // Assigned under the submit lock: the queue executes submissions in order, so the values do too.
            value = _lastSubmitted + 1;
            signalInfos[0] = new SemaphoreSubmitInfo
            {
                SType = StructureType.SemaphoreSubmitInfo,
                Semaphore = Timeline.Semaphore,
                Value = value,
                StageMask = PipelineStageFlags2.AllCommandsBit,
            };
            status = _device.Vk.QueueSubmit2(Queue.Handle, 1, &submit, default);
            if (status == Result.Success)
                Volatile.Write(ref _lastSubmitted, value);
        }
        if (status != Result.Success)
            value = 0;
        return VulkanCall.Check(status, function, $"vkQueueSubmit2({Queue})");
    }
}
