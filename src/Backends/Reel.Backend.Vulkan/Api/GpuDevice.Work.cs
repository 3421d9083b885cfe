using System;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Sync;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Api;

// Command buffers, frames, queue timelines and deferred releases.
internal sealed partial class GpuDevice
{
    /// <summary>A command buffer of <paramref name="role"/>'s queue, begun for one-time submission.</summary>
    public ReelResult BeginCommands(GpuQueueRole role, string function, out CommandBuffer buffer)
    {
        buffer = default;
        CommandBufferManager? queue = QueueFor(role);
        if (queue is null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: queue is {RoleName(role)}, but {Vulkan.PhysicalDevice.Name} has no such queue in this device{VideoHint(role)}");
        return queue.Begin(function, out buffer);
    }

    /// <summary>Ends and submits a command buffer from <see cref="BeginCommands"/>; <paramref name="value"/> is its queue timeline value.</summary>
    public ReelResult Submit(CommandBuffer buffer, ReadOnlySpan<TimelineWait> waits, ReadOnlySpan<TimelineSignal> signals, string function, out ulong value)
    {
        value = 0;
        foreach (CommandBufferManager queue in _queues)
        {
            if (queue.IsRecording(buffer))
                return queue.Submit(buffer, waits, signals, function, out value);
        }
        return LastError.Set(ReelResult.ErrorInvalidArgument,
            $"{function}: vk_command_buffer 0x{buffer.Handle:x} is not recording on this device: it was not begun with reel_command_buffer_begin, or it was submitted already");
    }

    /// <summary>Begins a frame (waiting for the frame max-in-flight back), then runs the releases that are due.</summary>
    public ReelResult BeginFrame(ulong timeoutNanoseconds, string function, out long frame)
    {
        ReelResult result = Frames.BeginFrame(timeoutNanoseconds, function, out frame);
        if (result == ReelResult.Success)
            ProcessDeferred();
        return result;
    }

    /// <summary>Ends the begun frame.</summary>
    public ReelResult EndFrame(string function) => Frames.EndFrame(function);

    /// <summary>Runs the device's and the context's releases whose timeline value or frame is due.</summary>
    public void ProcessDeferred()
    {
        long frame = Context.Clock.Frame;
        Deferred.Process(frame);
        Context.Deferred.Process(frame);
    }

    /// <summary>
    /// The timeline of <paramref name="role"/>'s queue as a <c>reel_timeline_t</c>; the same
    /// handle for every role the queue serves, destroyed with the device.
    /// </summary>
    public ReelResult GetQueueTimeline(GpuQueueRole role, string function, out TimelineObject? timeline)
    {
        timeline = null;
        CommandBufferManager? queue = QueueFor(role);
        if (queue is null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: queue is {RoleName(role)}, but {Vulkan.PhysicalDevice.Name} has no such queue in this device{VideoHint(role)}");
        lock (_lock)
        {
            if (_queueTimelines.TryGetValue(queue, out timeline))
                return ReelResult.Success;
        }
        var created = new TimelineObject(queue.Timeline, Context, this, isQueueTimeline: true);
        ReelResult result = Register(GpuRegistry.Timelines, created, function, out Handle handle);
        if (result != ReelResult.Success)
            return result;
        lock (_lock)
        {
            // Two threads may race here; the first one's handle wins and the other is withdrawn.
            if (_queueTimelines.TryGetValue(queue, out timeline))
            {
                GpuRegistry.Timelines.TryRemove(handle, out _);
                _children.Remove(created);
                return ReelResult.Success;
            }
            _queueTimelines[queue] = created;
        }
        timeline = created;
        return ReelResult.Success;
    }

    /// <summary>
    /// Releases <paramref name="resource"/> once <paramref name="timeline"/> reaches
    /// <paramref name="value"/> (at once when it already has). The host's handle is gone already.
    /// </summary>
    public void ReleaseAfter(IDeviceChild resource, Lifetime.IDeferredRelease release, ITimeline timeline, ulong value)
    {
        Forget(resource);
        if (timeline.HasReached(value))
            release.Release();
        else
            Deferred.ReleaseAtTimeline(release, timeline, value);
    }

    private static string RoleName(GpuQueueRole role) => CNames.EnumMember(role, "REEL_GPU_QUEUE_") ?? $"{(int)role}";

    private string VideoHint(GpuQueueRole role) =>
        role is GpuQueueRole.VideoDecode or GpuQueueRole.VideoEncode && !Vulkan.PhysicalDevice.HasVideoQueue
            ? $" ({Vulkan.PhysicalDevice.Name} exposes no {ExtensionNames.KhrVideoQueue})"
            : "";
}
