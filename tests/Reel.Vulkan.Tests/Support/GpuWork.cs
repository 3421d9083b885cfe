using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Support;

/// <summary>GPU work recorded into Reel's command buffers: buffer copies between barriers, submitted and waited for.</summary>
internal static unsafe class GpuWork
{
    private const ulong FiveSeconds = 5_000_000_000;

    /// <summary>Copies <paramref name="size"/> bytes from <paramref name="source"/> to <paramref name="target"/> on the transfer queue (host write before, host read after) and waits.</summary>
    public static ulong CopyAndWait(GpuDevice device, GpuBuffer source, GpuBuffer target, ulong size)
    {
        Assert.That(device.BeginCommands(GpuQueueRole.Transfer, "test", out CommandBuffer commands), Is.EqualTo(ReelResult.Success), LastError.Message);
        RecordCopy(device, commands, source, target, size);
        Assert.That(device.Submit(commands, [], [], "test", out ulong value), Is.EqualTo(ReelResult.Success), LastError.Message);
        CommandBufferManager queue = device.QueueFor(GpuQueueRole.Transfer)!;
        Assert.That(queue.Timeline.Wait(value, FiveSeconds, "test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        return value;
    }

    /// <summary>Records a host-write → copy → host-read sequence into <paramref name="commands"/>.</summary>
    public static void RecordCopy(GpuDevice device, CommandBuffer commands, GpuBuffer source, GpuBuffer target, ulong size)
    {
        DeviceWork.Barrier(device.Vulkan, commands, source.Handle,
            PipelineStageFlags2.HostBit, AccessFlags2.HostWriteBit,
            PipelineStageFlags2.CopyBit, AccessFlags2.TransferReadBit);
        var region = new BufferCopy { Size = size };
        device.Vulkan.Vk.CmdCopyBuffer(commands, source.Handle, target.Handle, 1, &region);
        DeviceWork.Barrier(device.Vulkan, commands, target.Handle,
            PipelineStageFlags2.CopyBit, AccessFlags2.TransferWriteBit,
            PipelineStageFlags2.HostBit, AccessFlags2.HostReadBit);
    }

    /// <summary>A buffer through Reel's factory; asserts success.</summary>
    public static GpuBuffer Buffer(GpuDevice device, ulong size, GpuMemoryUsage memory, BufferUsageFlags usage, Reel.Memory.MemoryCategory category = Reel.Memory.MemoryCategory.Device, bool dedicated = false)
    {
        var spec = new BufferSpec { Size = size, Usage = usage, Memory = memory, Category = category, Dedicated = dedicated };
        Assert.That(GpuResourceFactory.CreateBuffer(device.Allocator, spec, "test", out GpuBuffer? buffer), Is.EqualTo(ReelResult.Success), LastError.Message);
        return buffer!;
    }

    /// <summary>An RGBA8 image through Reel's factory; asserts success.</summary>
    public static GpuImage Image(GpuDevice device, uint width, uint height, ImageTiling tiling, Reel.Memory.MemoryCategory category = Reel.Memory.MemoryCategory.Device, uint layers = 1)
    {
        var info = new ImageCreateInfo
        {
            SType = StructureType.ImageCreateInfo,
            ImageType = ImageType.Type2D,
            Format = Format.R8G8B8A8Unorm,
            Extent = new Extent3D { Width = width, Height = height, Depth = 1 },
            MipLevels = 1,
            ArrayLayers = layers,
            Samples = SampleCountFlags.Count1Bit,
            Tiling = tiling,
            Usage = ImageUsageFlags.TransferSrcBit | ImageUsageFlags.TransferDstBit,
            InitialLayout = ImageLayout.Undefined,
        };
        Assert.That(GpuResourceFactory.CreateImage(device.Allocator, info, GpuMemoryUsage.DeviceLocal, category, false, "test", out GpuImage? image),
            Is.EqualTo(ReelResult.Success), LastError.Message);
        return image!;
    }
}
