using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Support;

/// <summary>GPU work recorded into Reel's command buffers: buffer copies between barriers, submitted and waited for.</summary>
internal static unsafe class GpuWork
{
    private const ulong FiveSeconds = 5_000_000_000;

    /// <summary>Copies <paramref name="size"/> bytes from <paramref name="source"/> to <paramref name="target"/> on the transfer queue (host write before, host read after) and waits.</summary>
    public static ulong CopyAndWait(GpuDevice device, GpuBuffer source, GpuBuffer target, ulong size)
    {
        Assert.That(device.BeginCommands(GpuQueueRole.Transfer, "test", out VkCommandBuffer commands), Is.EqualTo(ReelResult.Success), LastError.Message);
        RecordCopy(device, commands, source, target, size);
        Assert.That(device.Submit(commands, [], [], "test", out ulong value), Is.EqualTo(ReelResult.Success), LastError.Message);
        CommandBufferManager queue = device.QueueFor(GpuQueueRole.Transfer)!;
        Assert.That(queue.Timeline.Wait(value, FiveSeconds, "test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        return value;
    }

    /// <summary>Records a host-write → copy → host-read sequence into <paramref name="commands"/>.</summary>
    public static void RecordCopy(GpuDevice device, VkCommandBuffer commands, GpuBuffer source, GpuBuffer target, ulong size)
    {
        DeviceWork.Barrier(device.Vulkan, commands, source.Handle,
            VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_WRITE_BIT,
            VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_READ_BIT);
        var region = new VkBufferCopy { size = size };
        device.Vulkan.Commands.vkCmdCopyBuffer(commands, source.Handle, target.Handle, 1, &region);
        DeviceWork.Barrier(device.Vulkan, commands, target.Handle,
            VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT,
            VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_READ_BIT);
    }

    /// <summary>A buffer through Reel's factory; asserts success.</summary>
    public static GpuBuffer Buffer(GpuDevice device, ulong size, GpuMemoryUsage memory, VkBufferUsageFlagBits usage, Reel.Memory.MemoryCategory category = Reel.Memory.MemoryCategory.Device, bool dedicated = false)
    {
        var spec = new BufferSpec { Size = size, Usage = usage, Memory = memory, Category = category, Dedicated = dedicated };
        Assert.That(GpuResourceFactory.CreateBuffer(device.Allocator, spec, "test", out GpuBuffer? buffer), Is.EqualTo(ReelResult.Success), LastError.Message);
        return buffer!;
    }

    /// <summary>An RGBA8 image through Reel's factory; asserts success.</summary>
    public static GpuImage Image(GpuDevice device, uint width, uint height, VkImageTiling tiling, Reel.Memory.MemoryCategory category = Reel.Memory.MemoryCategory.Device, uint layers = 1)
    {
        var info = new VkImageCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
            imageType = VkImageType.VK_IMAGE_TYPE_2D,
            format = VkFormat.VK_FORMAT_R8G8B8A8_UNORM,
            extent = new VkExtent3D { width = width, height = height, depth = 1 },
            mipLevels = 1,
            arrayLayers = layers,
            samples = VkSampleCountFlagBits.VK_SAMPLE_COUNT_1_BIT,
            tiling = tiling,
            usage = VkImageUsageFlagBits.VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_TRANSFER_DST_BIT,
            initialLayout = VkImageLayout.VK_IMAGE_LAYOUT_UNDEFINED,
        };
        Assert.That(GpuResourceFactory.CreateImage(device.Allocator, info, GpuMemoryUsage.DeviceLocal, category, false, "test", out GpuImage? image),
            Is.EqualTo(ReelResult.Success), LastError.Message);
        return image!;
    }
}
