using NUnit.Framework;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Queue family choice on synthetic devices shaped like lavapipe, a desktop GPU and a compute-only accelerator.</summary>
public class QueueFamilyPickerTests
{
    private const QueueFlags G = QueueFlags.GraphicsBit;
    private const QueueFlags C = QueueFlags.ComputeBit;
    private const QueueFlags T = QueueFlags.TransferBit;
    private const QueueFlags Decode = QueueFlags.VideoDecodeBitKhr;
    private const QueueFlags Encode = QueueFlags.VideoEncodeBitKhr;
    private const VideoCodecOperationFlagsKHR H264Decode = VideoCodecOperationFlagsKHR.DecodeH264BitKhr;
    private const VideoCodecOperationFlagsKHR H264Encode = VideoCodecOperationFlagsKHR.EncodeH264BitKhr;

    private static QueueFamilyInfo Family(uint index, QueueFlags flags, uint count = 1, VideoCodecOperationFlagsKHR codecs = 0) =>
        new(index, flags, count, 64, codecs, false);

    [Test]
    public void Pick_OneUniversalFamily_ServesGraphicsComputeAndTransfer()
    {
        QueueAssignment a = QueueFamilyPicker.Pick([Family(0, G | C | T)]);
        Assert.That(a, Is.EqualTo(new QueueAssignment(0, 0, 0, -1, -1)));
        Assert.That(a.RolesOf(0), Is.EqualTo(QueueRoles.Graphics | QueueRoles.Compute | QueueRoles.Transfer));
    }

    [Test]
    public void Pick_DesktopGpu_PrefersAsyncComputeDmaAndVideoFamilies()
    {
        QueueAssignment a = QueueFamilyPicker.Pick([
            Family(0, G | C | T, 16),
            Family(1, T, 2),
            Family(2, C | T, 8),
            Family(3, Decode | T, 1, H264Decode),
            Family(4, Encode | T, 1, H264Encode),
        ]);
        Assert.That(a, Is.EqualTo(new QueueAssignment(0, 2, 1, 3, 4)));
    }

    [Test]
    public void Pick_VideoFamilyWithoutCodecOperations_IsNotUsed()
    {
        QueueAssignment a = QueueFamilyPicker.Pick([Family(0, G | C | T), Family(1, Decode | T)]);
        Assert.That(a.VideoDecode, Is.EqualTo(-1));
    }

    [Test]
    public void Pick_ComputeOnlyDevice_UsesComputeForTransfer()
    {
        QueueAssignment a = QueueFamilyPicker.Pick([Family(0, C | T)]);
        Assert.That(a, Is.EqualTo(new QueueAssignment(-1, 0, 0, -1, -1)));
    }

    [Test]
    public void Pick_FamiliesWithoutQueues_AreSkipped()
    {
        QueueAssignment a = QueueFamilyPicker.Pick([Family(0, G | C | T, count: 0), Family(1, T)]);
        Assert.That((a.Graphics, a.Compute, a.Transfer), Is.EqualTo((-1, -1, 1)));
    }
}
