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
using Silk.NET.Vulkan;
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

    private DecodedPictureBuffer Create(GpuDevice device, uint slots, bool separate = false, Format format = Format.R8G8B8A8Unorm)
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
        Assert.That(first.View.Handle == 0, Is.False, "SAMPLED usage allows the view");
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
        GpuBuffer readback = GpuWork.Buffer(device, 2 * layerBytes, GpuMemoryUsage.Readback, BufferUsageFlags.TransferDstBit);
        try
        {
            Assert.That(device.BeginCommands(GpuQueueRole.Graphics, "test", out CommandBuffer commands), Is.EqualTo(ReelResult.Success), LastError.Message);
            ImageBarrier(device, commands, redPicture.Image, 0, 4, ImageLayout.Undefined, ImageLayout.TransferDstOptimal,
                PipelineStageFlags2.None, 0, PipelineStageFlags2.ClearBit, AccessFlags2.TransferWriteBit);
            Clear(device, commands, redPicture, 255, 0, 0);
            Clear(device, commands, bluePicture, 0, 0, 255);
            ImageBarrier(device, commands, redPicture.Image, 0, 4, ImageLayout.TransferDstOptimal, ImageLayout.TransferSrcOptimal,
                PipelineStageFlags2.ClearBit, AccessFlags2.TransferWriteBit,
                PipelineStageFlags2.CopyBit, AccessFlags2.TransferReadBit);
            Copy(device, commands, redPicture, readback, 0);
            Copy(device, commands, bluePicture, readback, layerBytes);
            DeviceWork.Barrier(device.Vulkan, commands, readback.Handle,
                PipelineStageFlags2.CopyBit, AccessFlags2.TransferWriteBit,
                PipelineStageFlags2.HostBit, AccessFlags2.HostReadBit);
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
        var options = new DpbOptions { Format = Format.G8B8R82Plane420Unorm, Width = Width, Height = Height, SlotCount = 4 };
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
            Assert.That(dpb!.Usage & (ImageUsageFlags.VideoDecodeDpbBitKhr | ImageUsageFlags.VideoEncodeDpbBitKhr), Is.Not.Zero);
            TestContext.Out.WriteLine($"{operation}: {dpb.Format}, {dpb.MemoryBytes} bytes for 4 slots of 1280x720");
        }
    }

    private static void ImageBarrier(GpuDevice device, CommandBuffer commands, Image image, uint firstLayer, uint layers, ImageLayout from, ImageLayout to,
        PipelineStageFlags2 srcStage, AccessFlags2 srcAccess, PipelineStageFlags2 dstStage, AccessFlags2 dstAccess)
    {
        var barrier = new ImageMemoryBarrier2
        {
            SType = StructureType.ImageMemoryBarrier2,
            SrcStageMask = srcStage,
            SrcAccessMask = srcAccess,
            DstStageMask = dstStage,
            DstAccessMask = dstAccess,
            OldLayout = from,
            NewLayout = to,
            SrcQueueFamilyIndex = Vk.QueueFamilyIgnored,
            DstQueueFamilyIndex = Vk.QueueFamilyIgnored,
            Image = image,
            SubresourceRange = new ImageSubresourceRange { AspectMask = ImageAspectFlags.ColorBit, LevelCount = 1, BaseArrayLayer = firstLayer, LayerCount = layers },
        };
        var dependency = new DependencyInfo { SType = StructureType.DependencyInfo, ImageMemoryBarrierCount = 1, PImageMemoryBarriers = &barrier };
        device.Vulkan.Vk.CmdPipelineBarrier2(commands, &dependency);
    }

    private static void Clear(GpuDevice device, CommandBuffer commands, DpbSlotPicture picture, float r, float g, float b)
    {
        var color = new ClearColorValue();
        color.Float32_0 = r / 255;
        color.Float32_1 = g / 255;
        color.Float32_2 = b / 255;
        color.Float32_3 = 1;
        var range = new ImageSubresourceRange { AspectMask = ImageAspectFlags.ColorBit, LevelCount = 1, BaseArrayLayer = picture.ImageLayer, LayerCount = 1 };
        device.Vulkan.Vk.CmdClearColorImage(commands, picture.Image, ImageLayout.TransferDstOptimal, &color, 1, &range);
    }

    private static void Copy(GpuDevice device, CommandBuffer commands, DpbSlotPicture picture, GpuBuffer target, ulong offset)
    {
        var region = new BufferImageCopy2
        {
            SType = StructureType.BufferImageCopy2,
            BufferOffset = offset,
            ImageSubresource = new ImageSubresourceLayers { AspectMask = ImageAspectFlags.ColorBit, BaseArrayLayer = picture.ImageLayer, LayerCount = 1 },
            ImageExtent = new Extent3D { Width = picture.Width, Height = picture.Height, Depth = 1 },
        };
        var copy = new CopyImageToBufferInfo2
        {
            SType = StructureType.CopyImageToBufferInfo2,
            SrcImage = picture.Image,
            SrcImageLayout = ImageLayout.TransferSrcOptimal,
            DstBuffer = target.Handle,
            RegionCount = 1,
            PRegions = &region,
        };
        device.Vulkan.Vk.CmdCopyImageToBuffer2(commands, &copy);
    }
}
