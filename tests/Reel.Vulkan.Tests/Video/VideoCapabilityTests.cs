using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Video;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Video;

/// <summary>
/// Video capability queries through Silk.NET's KhrVideoQueue, on a device that has video
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
        if (!device.EnabledExtensions.Contains(ExtensionNames.KhrVideoDecodeH264))
            Assert.Ignore($"{device.PhysicalDevice.Name} decodes video but not H.264 (no {ExtensionNames.KhrVideoDecodeH264})");
        Assert.That((device.VideoDecode!.Family.VideoCodecOperations & VideoCodecOperationFlagsKHR.DecodeH264BitKhr) != 0, Is.True);

        var h264Profile = new VideoDecodeH264ProfileInfoKHR
        {
            SType = StructureType.VideoDecodeH264ProfileInfoKhr,
            StdProfileIdc = StdVideoH264ProfileIdc.High,
            PictureLayout = VideoDecodeH264PictureLayoutFlagsKHR.ProgressiveKhr,
        };
        var profile = new VideoProfileInfoKHR
        {
            SType = StructureType.VideoProfileInfoKhr,
            PNext = &h264Profile,
            VideoCodecOperation = VideoCodecOperationFlagsKHR.DecodeH264BitKhr,
            ChromaSubsampling = VideoChromaSubsamplingFlagsKHR.Subsampling420BitKhr,
            LumaBitDepth = VideoComponentBitDepthFlagsKHR.Depth8BitKhr,
            ChromaBitDepth = VideoComponentBitDepthFlagsKHR.Depth8BitKhr,
        };
        var h264Capabilities = new VideoDecodeH264CapabilitiesKHR { SType = StructureType.VideoDecodeH264CapabilitiesKhr };
        var decodeCapabilities = new VideoDecodeCapabilitiesKHR { SType = StructureType.VideoDecodeCapabilitiesKhr, PNext = &h264Capabilities };
        var capabilities = new VideoCapabilitiesKHR { SType = StructureType.VideoCapabilitiesKhr, PNext = &decodeCapabilities };

        Result result = device.VideoQueue!.GetPhysicalDeviceVideoCapabilities(device.PhysicalDevice.Handle, &profile, &capabilities);

        Assert.That(result, Is.EqualTo(Result.Success));
        Assert.That(capabilities.MaxDpbSlots, Is.GreaterThan(0u));
        Assert.That(capabilities.MaxCodedExtent.Width, Is.GreaterThanOrEqualTo(capabilities.MinCodedExtent.Width).And.GreaterThan(0u));
        Assert.That(capabilities.MinBitstreamBufferSizeAlignment, Is.GreaterThan(0UL));
        Assert.That(decodeCapabilities.Flags, Is.Not.EqualTo((VideoDecodeCapabilityFlagsKHR)0), "a decoder outputs through the DPB, a separate output image, or both");
        Assert.That(h264Capabilities.MaxLevelIdc, Is.Not.EqualTo(StdVideoH264LevelIdc.IdcInvalid));
        TestContext.Out.WriteLine($"{device.PhysicalDevice.Name}: H.264 High decode up to {capabilities.MaxCodedExtent.Width}x{capabilities.MaxCodedExtent.Height}, " +
            $"{capabilities.MaxDpbSlots} DPB slots, {capabilities.MaxActiveReferencePictures} active references, level {h264Capabilities.MaxLevelIdc}, {decodeCapabilities.Flags}");
    }

    [Test]
    public void QueueFamilies_ReportCodecOperationsAndResultStatusSupport()
    {
        VulkanDevice device = DeviceWithDecode();
        QueueFamilyInfo family = device.VideoDecode!.Family;
        Assert.That(family.Has(QueueFlags.VideoDecodeBitKhr), Is.True);
        Assert.That(family.VideoCodecOperations, Is.Not.EqualTo((VideoCodecOperationFlagsKHR)0));
        TestContext.Out.WriteLine($"{device.PhysicalDevice.Name}: decode family {family.Index}: {family.VideoCodecOperations}, result status queries {family.SupportsResultStatusQuery}");
    }
}
