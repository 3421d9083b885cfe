using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Context;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Dpb;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Dpb;

/// <summary>
/// DPBs on lavapipe: a layered RGBA8 image with a slot per layer (the video DPB layout with a
/// format lavapipe supports), slots cleared and read back through the GPU, separate images, and
/// what lavapipe refuses (NV12, video operations).
/// </summary>
public unsafe class DecodedPictureBufferTests : GpuTestBase
{
    private const uint Width = 32, Height = 16;

    private DecodedPictureBuffer Create(GpuDevice device, uint slots, bool separate = false, VkFormat format = VkFormat.VK_FORMAT_R8G8B8A8_UNORM)
    {
        var options = new DpbOptions { Format = format, Width = Width, Height = Height, SlotCount = slots, SeparateImages = separate };
        Assert.That(device.CreateDpb(options, "test", out DecodedPictureBuffer? dpb), Is.EqualTo(ReelResult.Success), LastError.Message);
        return dpb!;
    }

    [Test]
    public void Layered_OneArrayImageWithALayerPerSlot_ChargedAsDpb()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        DecodedPictureBuffer dpb = Create(device, 8);
        Assert.That(dpb.IsLayered, Is.True);
        Assert.That(context.Memory.Current(MemoryCategory.Dpb), Is.EqualTo((long)dpb.MemoryBytes).And.GreaterThanOrEqualTo(8 * Width * Height * 4));
        Assert.That(dpb.GetSlot(0, "test", out DpbSlotPicture first), Is.EqualTo(ReelResult.Success));
        for (uint slot = 0; slot < 8; slot++)
        {
            Assert.That(dpb.GetSlot(slot, "test", out DpbSlotPicture picture), Is.EqualTo(ReelResult.Success));
            Assert.That((picture.Image, picture.View), Is.EqualTo((first.Image, first.View)), "one image, one 2D_ARRAY view");
            Assert.That((picture.ViewLayer, picture.ImageLayer, picture.Width, picture.Height), Is.EqualTo((slot, slot, Width, Height)));
            Assert.That(picture.Slot.IsActive, Is.False);
        }
        Assert.That(first.View.IsNull, Is.False, "SAMPLED usage allows the view");
    }

    [Test]
    public void SlotLayers_ClearedOnTheGpu_ReadBackSeparately()
    {
        GpuDevice device = CreateGpuDevice();
        DecodedPictureBuffer dpb = Create(device, 4);
        Assert.That(dpb.Acquire(1, 0, "test", out int red, out _), Is.EqualTo(ReelResult.Success));
        Assert.That(dpb.Acquire(2, 0, "test", out int blue, out _), Is.EqualTo(ReelResult.Success));
        dpb.GetSlot((uint)red, "test", out DpbSlotPicture redPicture);
        dpb.GetSlot((uint)blue, "test", out DpbSlotPicture bluePicture);
        ulong layerBytes = Width * Height * 4;
        GpuBuffer readback = GpuWork.Buffer(device, 2 * layerBytes, GpuMemoryUsage.Readback, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_DST_BIT);
        try
        {
            Assert.That(device.BeginCommands(GpuQueueRole.Graphics, "test", out VkCommandBuffer commands), Is.EqualTo(ReelResult.Success), LastError.Message);
            ImageBarrier(device, commands, redPicture.Image, 0, 4, VkImageLayout.VK_IMAGE_LAYOUT_UNDEFINED, VkImageLayout.VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_NONE, 0, VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_CLEAR_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT);
            Clear(device, commands, redPicture, 255, 0, 0);
            Clear(device, commands, bluePicture, 0, 0, 255);
            ImageBarrier(device, commands, redPicture.Image, 0, 4, VkImageLayout.VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VkImageLayout.VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_CLEAR_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_READ_BIT);
            Copy(device, commands, redPicture, readback, 0);
            Copy(device, commands, bluePicture, readback, layerBytes);
            DeviceWork.Barrier(device.Vulkan, commands, readback.Handle,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_READ_BIT);
            Assert.That(device.Submit(commands, [], [], "test", out ulong value), Is.EqualTo(ReelResult.Success), LastError.Message);
            Assert.That(device.QueueFor(GpuQueueRole.Graphics)!.Timeline.Wait(value, 5_000_000_000, "test"), Is.EqualTo(ReelResult.Success));
            var pixels = new ReadOnlySpan<uint>(readback.Mapped, (int)(2 * Width * Height));
            Assert.That(pixels[..(int)(Width * Height)].IndexOfAnyExcept(0xFF0000FFu), Is.EqualTo(-1), $"slot {red} (layer {redPicture.ImageLayer}) is red");
            Assert.That(pixels[(int)(Width * Height)..].IndexOfAnyExcept(0xFFFF0000u), Is.EqualTo(-1), $"slot {blue} (layer {bluePicture.ImageLayer}) is blue");
        }
        finally
        {
            readback.Destroy(device.Allocator);
        }
    }

    [Test]
    public void SeparateImages_OneImageAndViewPerSlot()
    {
        GpuDevice device = CreateGpuDevice();
        DecodedPictureBuffer dpb = Create(device, 3, separate: true);
        Assert.That(dpb.IsLayered, Is.False);
        dpb.GetSlot(0, "test", out DpbSlotPicture a);
        dpb.GetSlot(2, "test", out DpbSlotPicture c);
        Assert.That(a.Image, Is.Not.EqualTo(c.Image));
        Assert.That(a.View, Is.Not.EqualTo(c.View));
        Assert.That((c.ViewLayer, c.ImageLayer), Is.EqualTo((0u, 0u)));
    }

    [Test]
    public void Nv12_WhereTheDeviceCannotHoldIt_IsUnsupported()
    {
        GpuDevice device = CreateGpuDevice();
        var options = new DpbOptions { Format = VkFormat.VK_FORMAT_G8_B8R8_2PLANE_420_UNORM, Width = Width, Height = Height, SlotCount = 4 };
        ReelResult result = device.CreateDpb(options, "reel_dpb_create", out DecodedPictureBuffer? dpb);
        if (result == ReelResult.Success)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} supports {options.Format} with transfer and sampled usage");
        Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("does not support the DPB image: format VK_FORMAT_G8_B8R8_2PLANE_420_UNORM"));
    }

    [Test]
    public void VideoDpb_OnADeviceWithoutVideo_IsUnsupportedWithTheReason()
    {
        GpuDevice device = CreateGpuDevice();
        if (device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} has VK_KHR_video_queue; this test covers devices without it");
        var options = new DpbOptions { Width = 1920, Height = 1080, SlotCount = 17, Operation = VideoCodecOperation.DecodeH264 };
        Assert.That(device.CreateDpb(options, "reel_dpb_create", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("exposes no VK_KHR_video_queue"));
    }

    [Test]
    public void VideoDpb_OnAVideoDevice_HasTheProfileAndDpbUsage()
    {
        GpuDevice device = CreateGpuDevice();
        if (!device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} exposes no VK_KHR_video_queue");
        foreach (VideoCodecOperation operation in Reel.Vulkan.Video.VideoCapabilityQuery.Operations)
        {
            if (!Reel.Vulkan.Video.VideoCapabilityQuery.CanRun(device.Vulkan, operation) || operation == VideoCodecOperation.EncodeAv1)
                continue;
            var options = new DpbOptions { Width = 1280, Height = 720, SlotCount = 4, Operation = operation };
            Assert.That(device.CreateDpb(options, "test", out DecodedPictureBuffer? dpb), Is.EqualTo(ReelResult.Success), LastError.Message);
            Assert.That(dpb!.Usage & (VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DPB_BIT_KHR | VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_DPB_BIT_KHR), Is.Not.Zero);
            TestContext.Out.WriteLine($"{operation}: {dpb.Format}, {dpb.MemoryBytes} bytes for 4 slots of 1280x720");
        }
    }

    private static void ImageBarrier(GpuDevice device, VkCommandBuffer commands, VkImage image, uint firstLayer, uint layers, VkImageLayout from, VkImageLayout to,
        VkPipelineStageFlagBits2 srcStage, VkAccessFlagBits2 srcAccess, VkPipelineStageFlagBits2 dstStage, VkAccessFlagBits2 dstAccess)
    {
        var barrier = new VkImageMemoryBarrier2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2,
            srcStageMask = srcStage,
            srcAccessMask = srcAccess,
            dstStageMask = dstStage,
            dstAccessMask = dstAccess,
            oldLayout = from,
            newLayout = to,
            srcQueueFamilyIndex = VkConstants.VK_QUEUE_FAMILY_IGNORED,
            dstQueueFamilyIndex = VkConstants.VK_QUEUE_FAMILY_IGNORED,
            image = image,
            subresourceRange = new VkImageSubresourceRange { aspectMask = VkImageAspectFlagBits.VK_IMAGE_ASPECT_COLOR_BIT, levelCount = 1, baseArrayLayer = firstLayer, layerCount = layers },
        };
        var dependency = new VkDependencyInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_DEPENDENCY_INFO, imageMemoryBarrierCount = 1, pImageMemoryBarriers = &barrier };
        device.Vulkan.Commands.vkCmdPipelineBarrier2(commands, &dependency);
    }

    private static void Clear(GpuDevice device, VkCommandBuffer commands, DpbSlotPicture picture, float r, float g, float b)
    {
        var color = new VkClearColorValue();
        color.float32[0] = r / 255;
        color.float32[1] = g / 255;
        color.float32[2] = b / 255;
        color.float32[3] = 1;
        var range = new VkImageSubresourceRange { aspectMask = VkImageAspectFlagBits.VK_IMAGE_ASPECT_COLOR_BIT, levelCount = 1, baseArrayLayer = picture.ImageLayer, layerCount = 1 };
        device.Vulkan.Commands.vkCmdClearColorImage(commands, picture.Image, VkImageLayout.VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
    }

    private static void Copy(GpuDevice device, VkCommandBuffer commands, DpbSlotPicture picture, GpuBuffer target, ulong offset)
    {
        var region = new VkBufferImageCopy2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_IMAGE_COPY_2,
            bufferOffset = offset,
            imageSubresource = new VkImageSubresourceLayers { aspectMask = VkImageAspectFlagBits.VK_IMAGE_ASPECT_COLOR_BIT, baseArrayLayer = picture.ImageLayer, layerCount = 1 },
            imageExtent = new VkExtent3D { width = picture.Width, height = picture.Height, depth = 1 },
        };
        var copy = new VkCopyImageToBufferInfo2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_COPY_IMAGE_TO_BUFFER_INFO_2,
            srcImage = picture.Image,
            srcImageLayout = VkImageLayout.VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
            dstBuffer = target.Handle,
            regionCount = 1,
            pRegions = &region,
        };
        device.Vulkan.Commands.vkCmdCopyImageToBuffer2(commands, &copy);
    }
}
