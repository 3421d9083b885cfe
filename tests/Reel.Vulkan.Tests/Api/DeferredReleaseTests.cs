using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Sync;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Api;

/// <summary>Deferred destruction keyed by timeline values: GPU resources and Reel's pooled buffers outlive the work that uses them.</summary>
public unsafe class DeferredReleaseTests : GpuTestBase
{
    private static GpuResource Allocation(GpuDevice device, ulong size = 64 * 1024)
    {
        var spec = new BufferSpec { Size = size, Usage = BufferUsageFlags.TransferSrcBit, Memory = GpuMemoryUsage.Upload, Category = MemoryCategory.Device };
        Assert.That(device.CreateBuffer(spec, "test", out GpuResource? resource), Is.EqualTo(ReelResult.Success), LastError.Message);
        return resource!;
    }

    /// <summary>What reel_gpu_allocation_free_after does after resolving its handles.</summary>
    private static void FreeAfter(GpuResource resource, IReelTimeline timeline, ulong value)
    {
        Assert.That(GpuRegistry.Allocations.TryRemove(resource.Handle, out _), Is.EqualTo(HandleError.None));
        resource.Owner.ReleaseAfter(resource, resource, timeline, value);
    }

    [Test]
    public void GpuResource_IsFreedOnlyOnceTheGpuTimelineReachedItsValue()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        Assert.That(device.CreateTimeline(0, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        GpuResource resource = Allocation(device);
        long held = context.Memory.Current(MemoryCategory.Device);
        FreeAfter(resource, timeline!.Timeline, 5);
        Assert.That(GpuRegistry.Allocations.TryGet(resource.Handle, out _), Is.EqualTo(HandleError.Stale), "the handle is the deferred queue's now");
        context.AdvanceFrame();
        timeline.Timeline.Signal(4, "test");
        device.ProcessDeferred();
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.EqualTo(held), "value 4 of 5: still alive");
        timeline.Timeline.Signal(5, "test");
        context.AdvanceFrame();
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero, "freed at the frame tick after value 5");
        Assert.That(device.Deferred.Pending, Is.Zero);
    }

    [Test]
    public void PooledBuffer_FreedAfterItsSubmission_GoesBackAtTheNextBeginFrame()
    {
        GpuDevice device = CreateGpuDevice();
        Assert.That(device.CreateBufferPool(new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging, MinClassSize = 4096, MaxClassSize = 4096 }, "test", out GpuBufferPool? pool), Is.EqualTo(ReelResult.Success));
        Assert.That(device.AcquirePooled(pool!, 100, "test", out GpuResource? staging), Is.EqualTo(ReelResult.Success));
        Assert.That(device.GetQueueTimeline(GpuQueueRole.Transfer, "test", out TimelineObject? queue), Is.EqualTo(ReelResult.Success));
        TimelineObject gate = Gate(device);

        Assert.That(device.BeginFrame(0, "test", out _), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginCommands(GpuQueueRole.Transfer, "test", out CommandBuffer commands), Is.EqualTo(ReelResult.Success));
        Assert.That(device.Submit(commands, [new Reel.Vulkan.Commands.TimelineWait(gate.Gpu!.Semaphore, 1, 0)], [], "test", out ulong value), Is.EqualTo(ReelResult.Success));
        FreeAfter(staging!, queue!.Timeline, value);
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginFrame(0, "test", out _), Is.EqualTo(ReelResult.Success));
        Assert.That(pool!.GetStats().Out, Is.EqualTo(1), "the submission still waits: the buffer is not back");
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));

        gate.Timeline.Signal(1, "test");
        Assert.That(queue.Timeline.Wait(value, 5_000_000_000, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginFrame(5_000_000_000, "test", out _), Is.EqualTo(ReelResult.Success));
        Assert.That(pool.GetStats().Out, Is.Zero, "back in the pool once the queue reached the value");
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
    }

    [Test]
    public void CpuTimeline_KeysGpuResourcesToo()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        var timeline = new CpuTimelineObject(0);
        FreeAfter(Allocation(device), timeline, 1);
        context.AdvanceFrame();
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.GreaterThan(0));
        timeline.Signal(1, "test");
        context.AdvanceFrame();
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero);
    }

    [Test]
    public void AlreadyReachedValue_FreesAtOnce()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        FreeAfter(Allocation(device), new CpuTimelineObject(9), 9);
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero);
        Assert.That(device.Deferred.Pending, Is.Zero);
    }

    [Test]
    public void ReelBuffer_ReleasedAfterAGpuTimelineValue()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        Assert.That(device.CreateTimeline(0, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        Assert.That(context.AcquireStaging(1000, "test", out Handle buffer), Is.EqualTo(ReelResult.Success));
        context.Deferred.ReleaseAtTimeline(buffer, timeline!.Timeline, 2);
        context.AdvanceFrame();
        Assert.That(context.Staging!.InUse, Is.EqualTo(1), "the GPU may still read it");
        timeline.Timeline.Signal(2, "test");
        Assert.That(device.BeginFrame(0, "test", out _), Is.EqualTo(ReelResult.Success));
        Assert.That(context.Staging.InUse, Is.Zero, "begin_frame runs the context's due releases too");
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
    }

    [Test]
    public void DeviceDestroy_RunsEveryDeferredRelease()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        Assert.That(device.CreateTimeline(0, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        FreeAfter(Allocation(device), timeline!.Timeline, 100);
        DestroyGpuDevice(device);
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero);
    }
}
