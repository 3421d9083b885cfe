using Reel.Context;
using Reel.Handles;
using Reel.Vulkan.Sync;

namespace Reel.Vulkan.Api;

/// <summary>
/// What a <c>reel_timeline_t</c> handle resolves to: the timeline, and who owns it: a context
/// (CPU timelines), a device (GPU timelines the host created), or a queue of a device (queue
/// timelines, which the host may wait on but not signal or destroy).
/// </summary>
internal sealed class TimelineObject : IDeviceChild
{
    /// <summary>Wraps a timeline owned by <paramref name="context"/> and, for GPU timelines, <paramref name="device"/>.</summary>
    public TimelineObject(IReelTimeline timeline, ReelContext context, GpuDevice? device, bool isQueueTimeline)
    {
        Timeline = timeline;
        Context = context;
        Device = device;
        IsQueueTimeline = isQueueTimeline;
    }

    /// <summary>The timeline.</summary>
    public IReelTimeline Timeline { get; }

    /// <summary>The context it belongs to.</summary>
    public ReelContext Context { get; }

    /// <summary>The device of a GPU timeline; null for CPU timelines.</summary>
    public GpuDevice? Device { get; }

    /// <summary>Whether it is a queue's timeline (owned by the device).</summary>
    public bool IsQueueTimeline { get; }

    /// <inheritdoc/>
    public GpuDevice Owner => Device!;

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>The semaphore of a GPU timeline; null for CPU timelines.</summary>
    public GpuTimeline? Gpu => Timeline as GpuTimeline;

    /// <inheritdoc/>
    public void DestroyWithDevice()
    {
        // Queue timelines are destroyed with their queue's command buffers.
        if (!IsQueueTimeline)
            Gpu?.Destroy();
    }
}
