using System;
using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// Raw Vulkan work through a <see cref="VulkanDevice"/>'s generated entry points: timeline
/// semaphores, host-visible buffers, one-time command buffers, barriers and submissions.
/// Every call's VkResult is asserted.
/// </summary>
internal static unsafe class DeviceWork
{
    /// <summary>A buffer bound to its own host-visible, coherent memory, mapped for its lifetime.</summary>
    internal sealed class HostBuffer
    {
        public VkBuffer Buffer;
        public VkDeviceMemory Memory;
        public byte* Mapped;
        public ulong Size;
        public bool DedicatedPreferred;
    }

    public static void Check(VkResult result, string call) => Assert.That(result, Is.EqualTo(VkResult.VK_SUCCESS), call);

    public static VkSemaphore CreateTimeline(VulkanDevice device, ulong initialValue)
    {
        var type = new VkSemaphoreTypeCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO,
            semaphoreType = VkSemaphoreType.VK_SEMAPHORE_TYPE_TIMELINE,
            initialValue = initialValue,
        };
        var info = new VkSemaphoreCreateInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO, pNext = &type };
        VkSemaphore semaphore;
        Check(device.Commands.vkCreateSemaphore(device.Handle, &info, null, &semaphore), "vkCreateSemaphore");
        return semaphore;
    }

    public static void DestroySemaphore(VulkanDevice device, VkSemaphore semaphore) => device.Commands.vkDestroySemaphore(device.Handle, semaphore, null);

    public static ulong CounterValue(VulkanDevice device, VkSemaphore semaphore)
    {
        ulong value;
        Check(device.Commands.vkGetSemaphoreCounterValue(device.Handle, semaphore, &value), "vkGetSemaphoreCounterValue");
        return value;
    }

    public static void Signal(VulkanDevice device, VkSemaphore semaphore, ulong value)
    {
        var info = new VkSemaphoreSignalInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO, semaphore = semaphore, value = value };
        Check(device.Commands.vkSignalSemaphore(device.Handle, &info), "vkSignalSemaphore");
    }

    /// <summary>vkWaitSemaphores for one value; VK_SUCCESS or VK_TIMEOUT.</summary>
    public static VkResult Wait(VulkanDevice device, VkSemaphore semaphore, ulong value, ulong timeoutNanoseconds)
    {
        var info = new VkSemaphoreWaitInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO,
            semaphoreCount = 1,
            pSemaphores = &semaphore,
            pValues = &value,
        };
        return device.Commands.vkWaitSemaphores(device.Handle, &info, timeoutNanoseconds);
    }

    /// <summary>The first memory type allowed by <paramref name="typeBits"/> with all of <paramref name="required"/>.</summary>
    public static uint FindMemoryType(VulkanDevice device, uint typeBits, VkMemoryPropertyFlagBits required)
    {
        ref readonly VkPhysicalDeviceMemoryProperties memory = ref device.PhysicalDevice.MemoryProperties;
        for (uint i = 0; i < memory.memoryTypeCount; i++)
        {
            if ((typeBits & (1u << (int)i)) != 0 && (memory.memoryTypes[(int)i].propertyFlags & required) == required)
                return i;
        }
        Assert.Fail($"{device.PhysicalDevice.Name} has no memory type with {required} in 0x{typeBits:x}");
        return 0;
    }

    /// <summary>A buffer without memory (for leak tests).</summary>
    public static VkBuffer CreateBuffer(VulkanDevice device, ulong size, VkBufferUsageFlagBits usage)
    {
        var info = new VkBufferCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
            size = size,
            usage = usage,
            sharingMode = VkSharingMode.VK_SHARING_MODE_EXCLUSIVE,
        };
        VkBuffer buffer;
        Check(device.Commands.vkCreateBuffer(device.Handle, &info, null, &buffer), "vkCreateBuffer");
        return buffer;
    }

    /// <summary>Creates a buffer, asks for its requirements (with the dedicated-allocation query), allocates, binds and maps.</summary>
    public static HostBuffer CreateHostBuffer(VulkanDevice device, ulong size, VkBufferUsageFlagBits usage)
    {
        ref readonly VkDeviceCommands vk = ref device.Commands;
        var result = new HostBuffer { Buffer = CreateBuffer(device, size, usage), Size = size };
        var dedicated = new VkMemoryDedicatedRequirements { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_DEDICATED_REQUIREMENTS };
        var requirements = new VkMemoryRequirements2 { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2, pNext = &dedicated };
        var query = new VkBufferMemoryRequirementsInfo2 { sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_MEMORY_REQUIREMENTS_INFO_2, buffer = result.Buffer };
        vk.vkGetBufferMemoryRequirements2(device.Handle, &query, &requirements);
        result.DedicatedPreferred = dedicated.prefersDedicatedAllocation != 0;
        Assert.That(requirements.memoryRequirements.size, Is.GreaterThanOrEqualTo(size));

        var allocate = new VkMemoryAllocateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
            allocationSize = requirements.memoryRequirements.size,
            memoryTypeIndex = FindMemoryType(device, requirements.memoryRequirements.memoryTypeBits,
                VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_HOST_COHERENT_BIT),
        };
        VkDeviceMemory memory;
        Check(vk.vkAllocateMemory(device.Handle, &allocate, null, &memory), "vkAllocateMemory");
        result.Memory = memory;
        var bind = new VkBindBufferMemoryInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_BIND_BUFFER_MEMORY_INFO, buffer = result.Buffer, memory = memory };
        Check(vk.vkBindBufferMemory2(device.Handle, 1, &bind), "vkBindBufferMemory2");
        void* mapped;
        Check(vk.vkMapMemory(device.Handle, memory, 0, VkConstants.VK_WHOLE_SIZE, 0, &mapped), "vkMapMemory");
        result.Mapped = (byte*)mapped;
        return result;
    }

    public static void Destroy(VulkanDevice device, HostBuffer buffer)
    {
        device.Commands.vkUnmapMemory(device.Handle, buffer.Memory);
        device.Commands.vkDestroyBuffer(device.Handle, buffer.Buffer, null);
        device.Commands.vkFreeMemory(device.Handle, buffer.Memory, null);
    }

    /// <summary>A transient command pool on the queue's family and one primary command buffer, begun for one-time submission.</summary>
    public static (VkCommandPool Pool, VkCommandBuffer Buffer) BeginCommands(VulkanDevice device, VulkanQueue queue)
    {
        ref readonly VkDeviceCommands vk = ref device.Commands;
        var poolInfo = new VkCommandPoolCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
            flags = VkCommandPoolCreateFlagBits.VK_COMMAND_POOL_CREATE_TRANSIENT_BIT,
            queueFamilyIndex = queue.FamilyIndex,
        };
        VkCommandPool pool;
        Check(vk.vkCreateCommandPool(device.Handle, &poolInfo, null, &pool), "vkCreateCommandPool");
        var allocate = new VkCommandBufferAllocateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
            commandPool = pool,
            level = VkCommandBufferLevel.VK_COMMAND_BUFFER_LEVEL_PRIMARY,
            commandBufferCount = 1,
        };
        VkCommandBuffer commands;
        Check(vk.vkAllocateCommandBuffers(device.Handle, &allocate, &commands), "vkAllocateCommandBuffers");
        var begin = new VkCommandBufferBeginInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
            flags = VkCommandBufferUsageFlagBits.VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT,
        };
        Check(vk.vkBeginCommandBuffer(commands, &begin), "vkBeginCommandBuffer");
        return (pool, commands);
    }

    /// <summary>Frees the command buffer and destroys its pool (after the work completed).</summary>
    public static void DestroyCommands(VulkanDevice device, (VkCommandPool Pool, VkCommandBuffer Buffer) commands)
    {
        VkCommandBuffer buffer = commands.Buffer;
        device.Commands.vkFreeCommandBuffers(device.Handle, commands.Pool, 1, &buffer);
        device.Commands.vkDestroyCommandPool(device.Handle, commands.Pool, null);
    }

    /// <summary>A buffer memory barrier (synchronization2) over the whole buffer.</summary>
    public static void Barrier(VulkanDevice device, VkCommandBuffer commands, VkBuffer buffer,
        VkPipelineStageFlagBits2 srcStage, VkAccessFlagBits2 srcAccess, VkPipelineStageFlagBits2 dstStage, VkAccessFlagBits2 dstAccess)
    {
        var barrier = new VkBufferMemoryBarrier2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2,
            srcStageMask = srcStage,
            srcAccessMask = srcAccess,
            dstStageMask = dstStage,
            dstAccessMask = dstAccess,
            srcQueueFamilyIndex = VkConstants.VK_QUEUE_FAMILY_IGNORED,
            dstQueueFamilyIndex = VkConstants.VK_QUEUE_FAMILY_IGNORED,
            buffer = buffer,
            offset = 0,
            size = VkConstants.VK_WHOLE_SIZE,
        };
        var dependency = new VkDependencyInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_DEPENDENCY_INFO,
            bufferMemoryBarrierCount = 1,
            pBufferMemoryBarriers = &barrier,
        };
        device.Commands.vkCmdPipelineBarrier2(commands, &dependency);
    }

    /// <summary>
    /// vkQueueSubmit2 of <paramref name="commands"/> (or none) that optionally waits for and
    /// signals timeline values, holding the queue's submit lock.
    /// </summary>
    public static VkResult Submit(VulkanDevice device, VulkanQueue queue, VkCommandBuffer commands,
        VkSemaphore waitSemaphore = default, ulong waitValue = 0, VkSemaphore signalSemaphore = default, ulong signalValue = 0)
    {
        var bufferInfo = new VkCommandBufferSubmitInfo { sType = VkStructureType.VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO, commandBuffer = commands };
        var wait = new VkSemaphoreSubmitInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO,
            semaphore = waitSemaphore,
            value = waitValue,
            stageMask = VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
        };
        var signal = new VkSemaphoreSubmitInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO,
            semaphore = signalSemaphore,
            value = signalValue,
            stageMask = VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
        };
        var submit = new VkSubmitInfo2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_SUBMIT_INFO_2,
            waitSemaphoreInfoCount = waitSemaphore.IsNull ? 0u : 1u,
            pWaitSemaphoreInfos = &wait,
            commandBufferInfoCount = commands.IsNull ? 0u : 1u,
            pCommandBufferInfos = &bufferInfo,
            signalSemaphoreInfoCount = signalSemaphore.IsNull ? 0u : 1u,
            pSignalSemaphoreInfos = &signal,
        };
        lock (queue.SubmitLock)
            return device.Commands.vkQueueSubmit2(queue.Handle, 1, &submit, VkFence.NULL);
    }

    /// <summary>
    /// Fills a host buffer, copies it into another on <paramref name="queue"/> between
    /// synchronization2 barriers (host write → copy read, copy write → host read), submits with
    /// vkQueueSubmit2 signalling a timeline value, waits for it, and compares the bytes.
    /// </summary>
    public static bool CopyThroughQueue(VulkanDevice device, VulkanQueue queue, ulong size)
    {
        HostBuffer source = CreateHostBuffer(device, size, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_SRC_BIT);
        HostBuffer target = CreateHostBuffer(device, size, VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_DST_BIT);
        VkSemaphore timeline = CreateTimeline(device, initialValue: 0);
        var commands = BeginCommands(device, queue);
        try
        {
            var input = new Span<byte>(source.Mapped, (int)size);
            for (int i = 0; i < input.Length; i++)
                input[i] = (byte)(i ^ (i >> 8));
            new Span<byte>(target.Mapped, (int)size).Clear();

            Barrier(device, commands.Buffer, source.Buffer,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_READ_BIT);
            var region = new VkBufferCopy { srcOffset = 0, dstOffset = 0, size = size };
            device.Commands.vkCmdCopyBuffer(commands.Buffer, source.Buffer, target.Buffer, 1, &region);
            Barrier(device, commands.Buffer, target.Buffer,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_COPY_BIT, VkAccessFlagBits2.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VkPipelineStageFlagBits2.VK_PIPELINE_STAGE_2_HOST_BIT, VkAccessFlagBits2.VK_ACCESS_2_HOST_READ_BIT);
            Check(device.Commands.vkEndCommandBuffer(commands.Buffer), "vkEndCommandBuffer");

            Check(Submit(device, queue, commands.Buffer, signalSemaphore: timeline, signalValue: 1), "vkQueueSubmit2");
            Assert.That(Wait(device, timeline, 1, 5_000_000_000), Is.EqualTo(VkResult.VK_SUCCESS), "the copy signals timeline value 1");
            Assert.That(CounterValue(device, timeline), Is.EqualTo(1UL));
            return new Span<byte>(target.Mapped, (int)size).SequenceEqual(input);
        }
        finally
        {
            DestroyCommands(device, commands);
            DestroySemaphore(device, timeline);
            Destroy(device, source);
            Destroy(device, target);
        }
    }
}
