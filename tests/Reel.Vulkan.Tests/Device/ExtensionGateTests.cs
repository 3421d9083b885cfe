using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Tests.Support;
using Reel.Vulkan.Validation;
using Reel.Vulkan.Video;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Device;

/// <summary>
/// The gates inside the video and debug-utils code, below the C API's own checks: a device made
/// without VK_KHR_video_queue (on any machine: video is turned off) has no video commands, and
/// every query that would need them is ErrorUnsupported naming the extension; a messenger on an
/// instance without VK_EXT_debug_utils likewise. Calling the loader's entry point instead would
/// abort the process.
/// </summary>
public class ExtensionGateTests : VulkanTestBase
{
    [Test]
    public void VideoQueries_OnADeviceWithoutVideoQueue_AreUnsupported()
    {
        VulkanDevice device = CreateDevice(new VulkanDeviceOptions { EnableVideo = false });
        Assert.That(device.VideoQueue, Is.Null);
        foreach (VideoCodecOperation operation in VideoCapabilityQuery.Operations)
        {
            using VideoProfile profile = VideoProfile.Create(operation, 8);
            Assert.That(VideoCapabilityQuery.Query(device, profile, "test", out VideoCaps? caps), Is.EqualTo(ReelResult.ErrorUnsupported), operation.ToString());
            Assert.That(caps, Is.Null);
            Assert.That(LastError.Message, Does.Contain($"{VideoCapabilityQuery.Name(operation)} needs VK_KHR_video_queue"));
            Assert.That(VideoCapabilityQuery.PickFormat(device, profile, Format.Undefined, ImageUsageFlags.VideoDecodeDpbBitKhr, "test", "desc->format", out _),
                Is.EqualTo(ReelResult.ErrorUnsupported), operation.ToString());
            Assert.That(VideoCapabilityQuery.QueueFor(device, operation, "test", out VulkanQueue? queue, out var video), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That((queue, video), Is.EqualTo(((VulkanQueue?)null, (Silk.NET.Vulkan.Extensions.KHR.KhrVideoQueue?)null)));
            Assert.That(VideoCapabilityQuery.CanRun(device, operation), Is.False);
        }
        Assert.That(VideoCapabilityQuery.All(device), Is.Empty, "the capability report skips what the device cannot run");
    }

    [Test]
    public unsafe void DebugMessenger_OnAnInstanceWithoutDebugUtils_IsUnsupported()
    {
        ReelResult created = VulkanInstance.Create(Loader, new VulkanInstanceOptions(), "test", out VulkanInstance? instance);
        Assert.That(created, Is.EqualTo(ReelResult.Success), LastError.Message);
        using (instance)
        {
            Assert.That(instance!.DebugUtils, Is.Null);
            using var messenger = new DebugMessenger(new ValidationLog());
            Assert.That(messenger.Create(instance.Handle, instance.DebugUtils, "reel_device_adopt"), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Is.EqualTo("reel_device_adopt: VK_EXT_debug_utils is not enabled on the instance; enable it to capture validation messages"));
        }
    }
}
