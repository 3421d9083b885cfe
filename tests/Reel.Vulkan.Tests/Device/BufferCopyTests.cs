using System;
using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Buffers, memory and a copy with synchronization2 barriers submitted with vkQueueSubmit2; validated with sync validation.</summary>
public unsafe class BufferCopyTests : VulkanTestBase
{
    private const ulong Size = 64 * 1024;
    private const ulong FiveSeconds = 5_000_000_000;

    [Test]
    public void HostBuffer_AllocateBindMap_RoundTripsData()
    {
        VulkanDevice device = CreateDevice();
        DeviceWork.HostBuffer buffer = DeviceWork.CreateHostBuffer(device, Size, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_SRC_BIT);
        try
        {
            var mapped = new Span<byte>(buffer.Mapped, (int)Size);
            for (int i = 0; i < mapped.Length; i++)
                mapped[i] = (byte)(i * 7);

            // The bytes live in the device memory, not in the mapping: map it again and read them back.
            device.Commands.vkUnmapMemory(device.Handle, buffer.Memory);
            void* again;
            DeviceWork.Check(device.Commands.vkMapMemory(device.Handle, buffer.Memory, 0, VkConstants.VK_WHOLE_SIZE, 0, &again), "vkMapMemory");
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
        VulkanQueue queue = device.Transfer!;
        DeviceWork.HostBuffer source = DeviceWork.CreateHostBuffer(device, Size, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_SRC_BIT);
        DeviceWork.HostBuffer target = DeviceWork.CreateHostBuffer(device, Size, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_DST_BIT);
        VkSemaphore timeline = DeviceWork.CreateTimeline(device, initialValue: 0);
        var commands = DeviceWork.BeginCommands(device, queue);
        try
        {
            var input = new Span<byte>(source.Mapped, (int)Size);
            for (int i = 0; i < input.Length; i++)
                input[i] = (byte)(i ^ (i >> 8));
            new Span<byte>(target.Mapped, (int)Size).Clear();

            // Host writes before submission are visible to it; the barriers order the copy
            // against the host read that follows the timeline wait.
            DeviceWork.Barrier(device, commands.Buffer, source.Buffer,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_READ_BIT);
            var region = new VkBufferCopy { srcOffset = 0, dstOffset = 0, size = Size };
            device.Commands.vkCmdCopyBuffer(commands.Buffer, source.Buffer, target.Buffer, 1, &region);
            DeviceWork.Barrier(device, commands.Buffer, target.Buffer,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_READ_BIT);
            DeviceWork.Check(device.Commands.vkEndCommandBuffer(commands.Buffer), "vkEndCommandBuffer");

            DeviceWork.Check(DeviceWork.Submit(device, queue, commands.Buffer, signalSemaphore: timeline, signalValue: 1), "vkQueueSubmit2");
            Assert.That(DeviceWork.Wait(device, timeline, 1, FiveSeconds), Is.EqualTo(VkResult.VK_SUCCESS));

            Assert.That(new Span<byte>(target.Mapped, (int)Size).SequenceEqual(input), Is.True, "the target holds the source's bytes");
        }
        finally
        {
            DeviceWork.DestroyCommands(device, commands);
            DeviceWork.DestroySemaphore(device, timeline);
            DeviceWork.Destroy(device, source);
            DeviceWork.Destroy(device, target);
        }
    }
}
