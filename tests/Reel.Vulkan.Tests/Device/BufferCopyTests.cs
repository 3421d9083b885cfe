using System;
using NUnit.Framework;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Buffers, memory and a copy with synchronization2 barriers submitted with vkQueueSubmit2; validated with sync validation.</summary>
public unsafe class BufferCopyTests : VulkanTestBase
{
    private const ulong Size = 64 * 1024;

    [Test]
    public void HostBuffer_AllocateBindMap_RoundTripsData()
    {
        VulkanDevice device = CreateDevice();
        DeviceWork.HostBuffer buffer = DeviceWork.CreateHostBuffer(device, Size, BufferUsageFlags.TransferSrcBit);
        try
        {
            var mapped = new Span<byte>(buffer.Mapped, (int)Size);
            for (int i = 0; i < mapped.Length; i++)
                mapped[i] = (byte)(i * 7);

            // The bytes live in the device memory, not in the mapping: map it again and read them back.
            device.Vk.UnmapMemory(device.Handle, buffer.Memory);
            void* again;
            DeviceWork.Check(device.Vk.MapMemory(device.Handle, buffer.Memory, 0, Vk.WholeSize, 0, &again), "vkMapMemory");
            buffer.Mapped = (byte*)again;
            var reread = new Span<byte>(again, (int)Size);
            Assert.That(reread[1000], Is.EqualTo(unchecked((byte)(1000 * 7))));
            Assert.That(reread[(int)Size - 1], Is.EqualTo(unchecked((byte)(((int)Size - 1) * 7))));
        }
        finally
        {
            DeviceWork.Destroy(device, buffer);
        }
    }

    [Test]
    public void CopyWithBarriers_SubmittedWithQueueSubmit2_CopiesAndSignalsTimeline()
    {
        VulkanDevice device = CreateDevice();
        Assert.That(DeviceWork.CopyThroughQueue(device, device.Transfer!, Size), Is.True, "the target holds the source's bytes");
    }
}
