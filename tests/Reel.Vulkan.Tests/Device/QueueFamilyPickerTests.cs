using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Queue family choice on synthetic devices shaped like lavapipe, a desktop GPU and a compute-only accelerator.</summary>
public class QueueFamilyPickerTests
{
    private const VkQueueFlagBits G = VkQueueFlagBits.VK_QUEUE_GRAPHICS_BIT;
    private const VkQueueFlagBits C = VkQueueFlagBits.VK_QUEUE_COMPUTE_BIT;
    private const VkQueueFlagBits T = VkQueueFlagBits.VK_QUEUE_TRANSFER_BIT;
    private const VkQueueFlagBits Decode = VkQueueFlagBits.VK_QUEUE_VIDEO_DECODE_BIT_KHR;
    private const VkQueueFlagBits Encode = VkQueueFlagBits.VK_QUEUE_VIDEO_ENCODE_BIT_KHR;
    private const VkVideoCodecOperationFlagBitsKHR H264Decode = VkVideoCodecOperationFlagBitsKHR.VK_VIDEO_CODEC_OPERATION_DECODE_H264_BIT_KHR;
    private const VkVideoCodecOperationFlagBitsKHR H264Encode = VkVideoCodecOperationFlagBitsKHR.VK_VIDEO_CODEC_OPERATION_ENCODE_H264_BIT_KHR;

    private static QueueFamilyInfo Family(uint index, VkQueueFlagBits flags, uint count = 1, VkVideoCodecOperationFlagBitsKHR codecs = 0) =>
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
