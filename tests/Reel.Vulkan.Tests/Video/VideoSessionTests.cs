using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Context;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Tests.Support;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Tests.Video;

/// <summary>
/// Video sessions and capability reports. Where the device has video queues (a GPU machine)
/// every operation it can run gets a session with bound memory; elsewhere (lavapipe) the
/// refusal and its reason are what is tested, and the session tests are skipped with it.
/// </summary>
public class VideoSessionTests : GpuTestBase
{
    [Test]
    public void Session_OnADeviceWithoutVideo_IsUnsupportedWithTheReason()
    {
        GpuDevice device = CreateGpuDevice();
        if (device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} has VK_KHR_video_queue; this test covers devices without it");
        var options = new VideoSessionOptions { Operation = VideoCodecOperation.DecodeAv1, MaxWidth = 1920, MaxHeight = 1080 };
        Assert.That(device.CreateVideoSession(options, "reel_video_session_create", out VideoSession? session), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(session, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("reel_video_session_create: REEL_VIDEO_CODEC_OP_DECODE_AV1 needs VK_KHR_video_queue")
            .And.Contain("exposes no VK_KHR_video_queue"));
    }

    [Test]
    public void Session_ForEveryOperationTheDeviceRuns_BindsItsMemory()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        if (!device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} exposes no VK_KHR_video_queue");
        int created = 0;
        foreach (VideoCodecOperation operation in VideoCapabilityQuery.Operations)
        {
            if (!VideoCapabilityQuery.CanRun(device.Vulkan, operation) || operation == VideoCodecOperation.EncodeAv1)
                continue;
            long before = context.Memory.Current(MemoryCategory.Device);
            var options = new VideoSessionOptions { Operation = operation, MaxWidth = 1280, MaxHeight = 720 };
            Assert.That(device.CreateVideoSession(options, "test", out VideoSession? session), Is.EqualTo(ReelResult.Success), LastError.Message);
            Assert.That(session!.Session.Handle == 0, Is.False);
            Assert.That(context.Memory.Current(MemoryCategory.Device) - before, Is.EqualTo((long)session.MemoryBytes));
            bool av1 = operation is VideoCodecOperation.DecodeAv1;
            Assert.That(session.Parameters.Handle == 0, Is.EqualTo(av1), "H.264/H.265 get an empty parameters object; AV1 needs the sequence header");
            TestContext.Out.WriteLine($"{VideoCapabilityQuery.Name(operation)}: {session.MemoryBindings} memory bindings, {session.MemoryBytes} bytes, " +
                $"{session.MaxDpbSlots} DPB slots, {session.MaxActiveReferences} references, {session.PictureFormat}/{session.ReferenceFormat}");
            Assert.That(GpuRegistry.RemoveChild(session), Is.True);
            device.Forget(session);
            session.Destroy();
            Assert.That(context.Memory.Current(MemoryCategory.Device), Is.EqualTo(before));
            created++;
        }
        if (created == 0)
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} has VK_KHR_video_queue but no operation Reel enables");
    }

    [Test]
    public void Caps_ReportEveryOperationTheDriverAccepts()
    {
        GpuDevice device = CreateGpuDevice();
        var codecs = VideoCapabilityQuery.All(device.Vulkan);
        if (!device.Vulkan.PhysicalDevice.HasVideoQueue)
        {
            Assert.That(codecs, Is.Empty);
            Assert.Ignore($"{device.Vulkan.PhysicalDevice.Name} exposes no VK_KHR_video_queue: no hardware codec operation to report");
        }
        foreach (CodecCaps codec in codecs)
        {
            Assert.That(codec.MaxWidth, Is.GreaterThanOrEqualTo(codec.MinWidth).And.GreaterThan(0u));
            Assert.That(codec.Flags & CodecCaps.FlagHardware, Is.Not.Zero);
            Assert.That(codec.LumaBitDepths & 1u, Is.EqualTo(1u), "8-bit is what the report is for");
            TestContext.Out.WriteLine($"{VideoCapabilityQuery.Name(codec.Operation)}: profile {codec.Profile}, level {codec.MaxLevel}, " +
                $"{codec.MinWidth}x{codec.MinHeight} to {codec.MaxWidth}x{codec.MaxHeight}, {codec.MaxDpbSlots} slots, {codec.MaxActiveReferences} refs, " +
                $"bitstream alignment {codec.BitstreamOffsetAlignment}/{codec.BitstreamSizeAlignment}, depths 0x{codec.LumaBitDepths:x}, flags 0x{codec.Flags:x}, rc 0x{codec.RateControlModes:x}");
        }
    }
}
