using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Video;

/// <summary>
/// Video capability queries through the generated video bindings, on a device that has video
/// queues. Where the device has none (lavapipe on CI) the tests are skipped with the reason,
/// never faked.
/// </summary>
public unsafe class VideoCapabilityTests : VulkanTestBase
{
    /// <summary>A validated device with a decode queue, or Ignore with the reason.</summary>
    private VulkanDevice DeviceWithDecode()
    {
        VulkanDevice device = CreateDevice();
        if (!device.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.PhysicalDevice.Name} exposes no VK_KHR_video_queue");
        if (device.VideoDecode is null)
            Assert.Ignore($"{device.PhysicalDevice.Name} has VK_KHR_video_queue but no decode queue family with a codec Reel enables");
        return device;
    }

    [Test]
    public void QueryDecodeCapabilities_H264High_ReportsDpbAndExtent()
    {
        VulkanDevice device = DeviceWithDecode();
        if (!device.EnabledExtensions.Contains(VkConstants.VK_KHR_VIDEO_DECODE_H264_EXTENSION_NAME))
            Assert.Ignore($"{device.PhysicalDevice.Name} decodes video but not H.264 (no {VkConstants.VK_KHR_VIDEO_DECODE_H264_EXTENSION_NAME})");
        Assert.That((device.VideoDecode!.Family.VideoCodecOperations & VkVideoCodecOperationFlagBitsKHR.VK_VIDEO_CODEC_OPERATION_DECODE_H264_BIT_KHR) != 0, Is.True);

        var h264Profile = new VkVideoDecodeH264ProfileInfoKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H264_PROFILE_INFO_KHR,
            stdProfileIdc = StdVideoH264ProfileIdc.STD_VIDEO_H264_PROFILE_IDC_HIGH,
            pictureLayout = VkVideoDecodeH264PictureLayoutFlagBitsKHR.VK_VIDEO_DECODE_H264_PICTURE_LAYOUT_PROGRESSIVE_KHR,
        };
        var profile = new VkVideoProfileInfoKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_PROFILE_INFO_KHR,
            pNext = &h264Profile,
            videoCodecOperation = VkVideoCodecOperationFlagBitsKHR.VK_VIDEO_CODEC_OPERATION_DECODE_H264_BIT_KHR,
            chromaSubsampling = VkVideoChromaSubsamplingFlagBitsKHR.VK_VIDEO_CHROMA_SUBSAMPLING_420_BIT_KHR,
            lumaBitDepth = VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_8_BIT_KHR,
            chromaBitDepth = VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_8_BIT_KHR,
        };
        var h264Capabilities = new VkVideoDecodeH264CapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H264_CAPABILITIES_KHR };
        var decodeCapabilities = new VkVideoDecodeCapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_CAPABILITIES_KHR, pNext = &h264Capabilities };
        var capabilities = new VkVideoCapabilitiesKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_CAPABILITIES_KHR, pNext = &decodeCapabilities };

        VkResult result = device.Instance.Commands.vkGetPhysicalDeviceVideoCapabilitiesKHR(device.PhysicalDevice.Handle, &profile, &capabilities);

        Assert.That(result, Is.EqualTo(VkResult.VK_SUCCESS));
        Assert.That(capabilities.maxDpbSlots, Is.GreaterThan(0u));
        Assert.That(capabilities.maxCodedExtent.width, Is.GreaterThanOrEqualTo(capabilities.minCodedExtent.width).And.GreaterThan(0u));
        Assert.That(capabilities.minBitstreamBufferSizeAlignment, Is.GreaterThan(0UL));
        Assert.That(decodeCapabilities.flags, Is.Not.EqualTo((VkVideoDecodeCapabilityFlagBitsKHR)0), "a decoder outputs through the DPB, a separate output image, or both");
        Assert.That(h264Capabilities.maxLevelIdc, Is.Not.EqualTo(StdVideoH264LevelIdc.STD_VIDEO_H264_LEVEL_IDC_INVALID));
        TestContext.Out.WriteLine($"{device.PhysicalDevice.Name}: H.264 High decode up to {capabilities.maxCodedExtent.width}x{capabilities.maxCodedExtent.height}, " +
            $"{capabilities.maxDpbSlots} DPB slots, {capabilities.maxActiveReferencePictures} active references, level {h264Capabilities.maxLevelIdc}, {decodeCapabilities.flags}");
    }

    [Test]
    public void QueueFamilies_ReportCodecOperationsAndResultStatusSupport()
    {
        VulkanDevice device = DeviceWithDecode();
        QueueFamilyInfo family = device.VideoDecode!.Family;
        Assert.That(family.Has(VkQueueFlagBits.VK_QUEUE_VIDEO_DECODE_BIT_KHR), Is.True);
        Assert.That(family.VideoCodecOperations, Is.Not.EqualTo((VkVideoCodecOperationFlagBitsKHR)0));
        TestContext.Out.WriteLine($"{device.PhysicalDevice.Name}: decode family {family.Index}: {family.VideoCodecOperations}, result status queries {family.SupportsResultStatusQuery}");
    }
}
