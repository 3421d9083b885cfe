using Reel.Abi;
using Reel.Handles;
using Reel.Memory;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Dpb;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Sync;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Api;

// The objects the host makes on a device; each gets its handle under the device lock.
internal sealed partial class GpuDevice
{
    /// <summary>A buffer in suballocated memory, as a <c>reel_gpu_allocation_t</c>.</summary>
    public ReelResult CreateBuffer(in BufferSpec spec, string function, out GpuResource? resource)
    {
        resource = null;
        ReelResult result = GpuResourceFactory.CreateBuffer(Allocator, spec, function, out GpuBuffer? buffer);
        return result == ReelResult.Success ? Publish(new GpuResource(this, buffer!, null), function, out resource) : result;
    }

    /// <summary>An image in suballocated memory, as a <c>reel_gpu_allocation_t</c>.</summary>
    public ReelResult CreateImage(in ImageCreateInfo info, GpuMemoryUsage memory, MemoryCategory category, bool dedicated, string function, out GpuResource? resource)
    {
        resource = null;
        ReelResult result = GpuResourceFactory.CheckImageSupport(Vulkan, info, function, "the image");
        if (result != ReelResult.Success)
            return result;
        result = GpuResourceFactory.CreateImage(Allocator, info, memory, category, dedicated, function, out GpuImage? image);
        return result == ReelResult.Success ? Publish(new GpuResource(this, image!), function, out resource) : result;
    }

    /// <summary>A GPU buffer pool.</summary>
    public ReelResult CreateBufferPool(GpuBufferPoolOptions options, string function, out GpuBufferPool? pool)
    {
        pool = null;
        ReelResult result = GpuBufferPool.Create(this, options, function, out GpuBufferPool? created);
        if (result != ReelResult.Success)
            return result;
        result = Register(GpuRegistry.BufferPools, created!, function, out _);
        if (result != ReelResult.Success)
            return result;
        pool = created;
        return ReelResult.Success;
    }

    /// <summary>A buffer from <paramref name="pool"/>, as a <c>reel_gpu_allocation_t</c> that goes back to the pool when freed.</summary>
    public ReelResult AcquirePooled(GpuBufferPool pool, ulong size, string function, out GpuResource? resource)
    {
        resource = null;
        ReelResult result = pool.Acquire(size, function, out GpuBuffer? buffer);
        return result == ReelResult.Success ? Publish(new GpuResource(this, buffer!, pool), function, out resource) : result;
    }

    /// <summary>A decoded picture buffer.</summary>
    public ReelResult CreateDpb(DpbOptions options, string function, out DecodedPictureBuffer? dpb)
    {
        dpb = null;
        ReelResult result = DecodedPictureBuffer.Create(this, options, function, out DecodedPictureBuffer? created);
        if (result != ReelResult.Success)
            return result;
        result = Register(GpuRegistry.Dpbs, created!, function, out _);
        if (result != ReelResult.Success)
            return result;
        dpb = created;
        return ReelResult.Success;
    }

    /// <summary>A video session with bound memory (ErrorUnsupported, with the reason, on devices without the video queue).</summary>
    public ReelResult CreateVideoSession(VideoSessionOptions options, string function, out VideoSession? session)
    {
        session = null;
        ReelResult result = VideoSession.Create(this, options, function, out VideoSession? created);
        if (result != ReelResult.Success)
            return result;
        result = Register(GpuRegistry.Sessions, created!, function, out _);
        if (result != ReelResult.Success)
            return result;
        session = created;
        return ReelResult.Success;
    }

    /// <summary>A timeline semaphore of the device the host signals and waits on.</summary>
    public ReelResult CreateTimeline(ulong initialValue, string function, out TimelineObject? timeline)
    {
        timeline = null;
        ReelResult result = GpuTimeline.Create(Vulkan, initialValue, isQueueTimeline: false, function, out GpuTimeline? semaphore);
        if (result != ReelResult.Success)
            return result;
        var created = new TimelineObject(semaphore!, Context, this, isQueueTimeline: false);
        result = Register(GpuRegistry.Timelines, created, function, out _);
        if (result != ReelResult.Success)
            return result;
        timeline = created;
        return ReelResult.Success;
    }

    private ReelResult Publish(GpuResource created, string function, out GpuResource? resource)
    {
        resource = null;
        ReelResult result = Register(GpuRegistry.Allocations, created, function, out _);
        if (result != ReelResult.Success)
            return result;
        resource = created;
        return ReelResult.Success;
    }
}
