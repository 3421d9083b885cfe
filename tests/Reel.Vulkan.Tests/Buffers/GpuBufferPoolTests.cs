using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Context;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Buffers;

/// <summary>GPU buffer pools on lavapipe: size classes, oldest-first reuse, caps, trimming, bitstream usage without video.</summary>
public class GpuBufferPoolTests : GpuTestBase
{
    private GpuBufferPool Pool(GpuDevice device, GpuBufferPoolOptions options)
    {
        Assert.That(device.CreateBufferPool(options, "test", out GpuBufferPool? pool), Is.EqualTo(ReelResult.Success), LastError.Message);
        return pool!;
    }

    private static GpuResource Acquire(GpuDevice device, GpuBufferPool pool, ulong size)
    {
        Assert.That(device.AcquirePooled(pool, size, "test", out GpuResource? resource), Is.EqualTo(ReelResult.Success), LastError.Message);
        return resource!;
    }

    private static void Give(GpuResource resource)
    {
        Assert.That(GpuRegistry.RemoveChild(resource), Is.True);
        resource.Owner.Forget(resource);
        resource.Release();
    }

    [Test]
    public void Acquire_PicksTheSmallestClassAndReusesTheOldestReleased()
    {
        GpuDevice device = CreateGpuDevice();
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging, MinClassSize = 4096, MaxClassSize = 1 << 20 });
        GpuResource small = Acquire(device, pool, 1000);
        GpuResource mid = Acquire(device, pool, 5000);
        GpuResource other = Acquire(device, pool, 4096);
        Assert.That((small.Buffer!.Size, mid.Buffer!.Size, other.Buffer!.Size), Is.EqualTo((4096UL, 8192UL, 4096UL)));
        VkBuffer first = small.Buffer.Handle, second = other.Buffer.Handle;
        Give(small);
        Give(other);
        GpuResource again = Acquire(device, pool, 10);
        Assert.That(again.Buffer!.Handle, Is.EqualTo(first), "FIFO: the buffer released first goes out first");
        Assert.That(Acquire(device, pool, 10).Buffer!.Handle, Is.EqualTo(second));
        GpuBufferPoolStats stats = pool.GetStats();
        Assert.That((stats.Created, stats.Acquires, stats.Out, stats.Idle), Is.EqualTo((3L, 5L, 3, 0)));
        Assert.That(pool.Usage, Is.EqualTo(BufferUsageFlags.TransferSrcBit));
        Assert.That(again.Allocation.Usage, Is.EqualTo(GpuMemoryUsage.Upload));
    }

    [Test]
    public void Acquire_BeyondTheClassCap_IsLimitReached()
    {
        GpuDevice device = CreateGpuDevice();
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Readback, MinClassSize = 4096, MaxClassSize = 4096, MaxPerClass = 2 });
        Acquire(device, pool, 1);
        Acquire(device, pool, 1);
        Assert.That(device.AcquirePooled(pool, 1, "reel_gpu_buffer_pool_acquire", out _), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.Contain("all 2 buffers of the pool's 4096-byte class are out"));
        Assert.That(device.AcquirePooled(pool, 4097, "reel_gpu_buffer_pool_acquire", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("size is 4097; the pool serves 1 to 4096 bytes"));
    }

    [Test]
    public void IdleBuffers_AreTrimmedAfterTheirFrames()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging, MinClassSize = 4096, MaxClassSize = 65536, TrimIdleFrames = 2 });
        Give(Acquire(device, pool, 100));
        Give(Acquire(device, pool, 60000));
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.EqualTo(4096 + 65536), "idle buffers keep their memory");
        context.AdvanceFrame();
        Assert.That(pool.GetStats().Idle, Is.EqualTo(2));
        context.AdvanceFrame();
        GpuBufferPoolStats stats = pool.GetStats();
        Assert.That((stats.Idle, stats.Allocated, stats.Trimmed), Is.EqualTo((0, 0, 2L)));
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero);
    }

    [Test]
    public void DestroyedPool_DestroysBuffersAsTheyComeBack()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging, MinClassSize = 4096, MaxClassSize = 4096 });
        GpuResource out1 = Acquire(device, pool, 1);
        Give(Acquire(device, pool, 1));
        Assert.That(GpuRegistry.RemoveChild(pool), Is.True);
        device.Forget(pool);
        pool.Destroy();
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.EqualTo(4096), "the idle buffer went at once");
        Give(out1);
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero, "the one out went when it came back");
    }

    [Test]
    public void BitstreamPool_OnADeviceWithoutVideo_UsesPlainTransferBuffers()
    {
        GpuDevice device = CreateGpuDevice();
        if (device.Vulkan.VideoDecode is not null)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} decodes video; this test covers devices without a decode queue");
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.DecodeBitstream, SizeAlignment = 256 });
        Assert.That(pool.HasVideoUsage, Is.False);
        Assert.That(pool.Usage, Is.EqualTo(BufferUsageFlags.TransferSrcBit | BufferUsageFlags.TransferDstBit));
        Assert.That((pool.OffsetAlignment, pool.SizeAlignment), Is.EqualTo((1UL, 256UL)), "only the host's alignment without video capabilities");
        GpuResource buffer = Acquire(device, pool, 1000);
        Assert.That(buffer.Buffer!.Size, Is.EqualTo(GpuBufferPoolOptions.DefaultMinClassSize));
    }

    [Test]
    public void BitstreamPool_ForAnOperationTheDeviceCannotRun_IsUnsupported()
    {
        GpuDevice device = CreateGpuDevice();
        if (device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} has VK_KHR_video_queue; this test covers devices without it");
        var options = new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.DecodeBitstream, Operation = VideoCodecOperation.DecodeH264 };
        Assert.That(device.CreateBufferPool(options, "reel_gpu_buffer_pool_create", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("REEL_VIDEO_CODEC_OP_DECODE_H264 needs VK_KHR_video_queue").And.Contain("exposes no VK_KHR_video_queue"));
    }

    [Test]
    public void BitstreamPool_OnAVideoDevice_CarriesVideoUsageAndTheDriversAlignments()
    {
        GpuDevice device = CreateGpuDevice();
        if (device.Vulkan.VideoDecode is null)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} exposes no VK_KHR_video_queue decode queue");
        VideoCodecOperation operation = Reel.Vulkan.Video.VideoCapabilityQuery.Operations.First(o => Reel.Vulkan.Video.VideoCapabilityQuery.CanRun(device.Vulkan, o) && Reel.Vulkan.Video.VideoProfile.IsDecode(o));
        GpuBufferPool pool = Pool(device, new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.DecodeBitstream, Operation = operation });
        Assert.That(pool.HasVideoUsage, Is.True);
        Assert.That(pool.Usage & BufferUsageFlags.VideoDecodeSrcBitKhr, Is.Not.Zero);
        GpuResource buffer = Acquire(device, pool, 1000);
        Assert.That(buffer.Buffer!.Size % pool.SizeAlignment, Is.Zero);
        TestContext.Out.WriteLine($"{operation}: offset alignment {pool.OffsetAlignment}, size alignment {pool.SizeAlignment}");
    }
}
