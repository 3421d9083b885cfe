using System;
using NUnit.Framework;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// Raw Vulkan work through a <see cref="VulkanDevice"/>'s Silk.NET entry points: timeline
/// semaphores, host-visible buffers, one-time command buffers, barriers and submissions.
/// Every call's VkResult is asserted.
/// </summary>
internal static unsafe class DeviceWork
{
    /// <summary>A buffer bound to its own host-visible, coherent memory, mapped for its lifetime.</summary>
    internal sealed class HostBuffer
    {
        public VkBuffer Buffer;
        public DeviceMemory Memory;
        public byte* Mapped;
        public ulong Size;
        public bool DedicatedPreferred;
    }

    public static void Check(Result result, string call) => Assert.That(result, Is.EqualTo(Result.Success), call);

    public static VkSemaphore CreateTimeline(VulkanDevice device, ulong initialValue)
    {
        var type = new SemaphoreTypeCreateInfo
        {
            SType = StructureType.SemaphoreTypeCreateInfo,
            SemaphoreType = SemaphoreType.Timeline,
            InitialValue = initialValue,
        };
        var info = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo, PNext = &type };
        VkSemaphore semaphore;
        Check(device.Vk.CreateSemaphore(device.Handle, &info, null, &semaphore), "vkCreateSemaphore");
        return semaphore;
    }

    public static void DestroySemaphore(VulkanDevice device, VkSemaphore semaphore) => device.Vk.DestroySemaphore(device.Handle, semaphore, null);

    public static ulong CounterValue(VulkanDevice device, VkSemaphore semaphore)
    {
        ulong value;
        Check(device.Vk.GetSemaphoreCounterValue(device.Handle, semaphore, &value), "vkGetSemaphoreCounterValue");
        return value;
    }

    public static void Signal(VulkanDevice device, VkSemaphore semaphore, ulong value)
    {
        var info = new SemaphoreSignalInfo { SType = StructureType.SemaphoreSignalInfo, Semaphore = semaphore, Value = value };
        Check(device.Vk.SignalSemaphore(device.Handle, &info), "vkSignalSemaphore");
    }

    /// <summary>vkWaitSemaphores for one value; VK_SUCCESS or VK_TIMEOUT.</summary>
    public static Result Wait(VulkanDevice device, VkSemaphore semaphore, ulong value, ulong timeoutNanoseconds)
    {
        var info = new SemaphoreWaitInfo
        {
            SType = StructureType.SemaphoreWaitInfo,
            SemaphoreCount = 1,
            PSemaphores = &semaphore,
            PValues = &value,
        };
        return device.Vk.WaitSemaphores(device.Handle, &info, timeoutNanoseconds);
    }

    /// <summary>The first memory type allowed by <paramref name="typeBits"/> with all of <paramref name="required"/>.</summary>
    public static uint FindMemoryType(VulkanDevice device, uint typeBits, MemoryPropertyFlags required)
    {
        ref readonly PhysicalDeviceMemoryProperties memory = ref device.PhysicalDevice.MemoryProperties;
        for (uint i = 0; i < memory.MemoryTypeCount; i++)
        {
            if ((typeBits & (1u << (int)i)) != 0 && (memory.MemoryTypes[(int)i].PropertyFlags & required) == required)
                return i;
        }
        Assert.Fail($"{device.PhysicalDevice.Name} has no memory type with {required} in 0x{typeBits:x}");
        return 0;
    }

    /// <summary>A buffer without memory (for leak tests).</summary>
    public static VkBuffer CreateBuffer(VulkanDevice device, ulong size, BufferUsageFlags usage)
    {
        var info = new BufferCreateInfo
        {
            SType = StructureType.BufferCreateInfo,
            Size = size,
            Usage = usage,
            SharingMode = SharingMode.Exclusive,
        };
        VkBuffer buffer;
        Check(device.Vk.CreateBuffer(device.Handle, &info, null, &buffer), "vkCreateBuffer");
        return buffer;
    }

    /// <summary>Creates a buffer, asks for its requirements (with the dedicated-allocation query), allocates, binds and maps.</summary>
    public static HostBuffer CreateHostBuffer(VulkanDevice device, ulong size, BufferUsageFlags usage)
    {
        Vk vk = device.Vk;
        var result = new HostBuffer { Buffer = CreateBuffer(device, size, usage), Size = size };
        var dedicated = new MemoryDedicatedRequirements { SType = StructureType.MemoryDedicatedRequirements };
        var requirements = new MemoryRequirements2 { SType = StructureType.MemoryRequirements2, PNext = &dedicated };
        var query = new BufferMemoryRequirementsInfo2 { SType = StructureType.BufferMemoryRequirementsInfo2, Buffer = result.Buffer };
        vk.GetBufferMemoryRequirements2(device.Handle, &query, &requirements);
        result.DedicatedPreferred = dedicated.PrefersDedicatedAllocation;
        Assert.That(requirements.MemoryRequirements.Size, Is.GreaterThanOrEqualTo(size));

        var allocate = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.MemoryRequirements.Size,
            MemoryTypeIndex = FindMemoryType(device, requirements.MemoryRequirements.MemoryTypeBits,
                MemoryPropertyFlags.HostVisibleBit | MemoryPropertyFlags.HostCoherentBit),
        };
        DeviceMemory memory;
        Check(vk.AllocateMemory(device.Handle, &allocate, null, &memory), "vkAllocateMemory");
        result.Memory = memory;
        var bind = new BindBufferMemoryInfo { SType = StructureType.BindBufferMemoryInfo, Buffer = result.Buffer, Memory = memory };
        Check(vk.BindBufferMemory2(device.Handle, 1, &bind), "vkBindBufferMemory2");
        void* mapped;
        Check(vk.MapMemory(device.Handle, memory, 0, Vk.WholeSize, 0, &mapped), "vkMapMemory");
        result.Mapped = (byte*)mapped;
        return result;
    }

    public static void Destroy(VulkanDevice device, HostBuffer buffer)
    {
        device.Vk.UnmapMemory(device.Handle, buffer.Memory);
        device.Vk.DestroyBuffer(device.Handle, buffer.Buffer, null);
        device.Vk.FreeMemory(device.Handle, buffer.Memory, null);
    }

    /// <summary>A transient command pool on the queue's family and one primary command buffer, begun for one-time submission.</summary>
    public static (CommandPool Pool, CommandBuffer Buffer) BeginCommands(VulkanDevice device, VulkanQueue queue)
    {
        Vk vk = device.Vk;
        var poolInfo = new CommandPoolCreateInfo
        {
            SType = StructureType.CommandPoolCreateInfo,
            Flags = CommandPoolCreateFlags.TransientBit,
            QueueFamilyIndex = queue.FamilyIndex,
        };
        CommandPool pool;
        Check(vk.CreateCommandPool(device.Handle, &poolInfo, null, &pool), "vkCreateCommandPool");
        var allocate = new CommandBufferAllocateInfo
        {
            SType = StructureType.CommandBufferAllocateInfo,
            CommandPool = pool,
            Level = CommandBufferLevel.Primary,
            CommandBufferCount = 1,
        };
        CommandBuffer commands;
        Check(vk.AllocateCommandBuffers(device.Handle, &allocate, &commands), "vkAllocateCommandBuffers");
        var begin = new CommandBufferBeginInfo
        {
            SType = StructureType.CommandBufferBeginInfo,
            Flags = CommandBufferUsageFlags.OneTimeSubmitBit,
        };
        Check(vk.BeginCommandBuffer(commands, &begin), "vkBeginCommandBuffer");
        return (pool, commands);
    }

    /// <summary>Frees the command buffer and destroys its pool (after the work completed).</summary>
    public static void DestroyCommands(VulkanDevice device, (CommandPool Pool, CommandBuffer Buffer) commands)
    {
        CommandBuffer buffer = commands.Buffer;
        device.Vk.FreeCommandBuffers(device.Handle, commands.Pool, 1, &buffer);
        device.Vk.DestroyCommandPool(device.Handle, commands.Pool, null);
    }

    /// <summary>A buffer memory barrier (synchronization2) over the whole buffer.</summary>
    public static void Barrier(VulkanDevice device, CommandBuffer commands, VkBuffer buffer,
        PipelineStageFlags2 srcStage, AccessFlags2 srcAccess, PipelineStageFlags2 dstStage, AccessFlags2 dstAccess)
    {
        var barrier = new BufferMemoryBarrier2
        {
            SType = StructureType.BufferMemoryBarrier2,
            SrcStageMask = srcStage,
            SrcAccessMask = srcAccess,
            DstStageMask = dstStage,
            DstAccessMask = dstAccess,
            SrcQueueFamilyIndex = Vk.QueueFamilyIgnored,
            DstQueueFamilyIndex = Vk.QueueFamilyIgnored,
            Buffer = buffer,
            Offset = 0,
            Size = Vk.WholeSize,
        };
        var dependency = new DependencyInfo
        {
            SType = StructureType.DependencyInfo,
            BufferMemoryBarrierCount = 1,
            PBufferMemoryBarriers = &barrier,
        };
        device.Vk.CmdPipelineBarrier2(commands, &dependency);
    }

    /// <summary>
    /// vkQueueSubmit2 of <paramref name="commands"/> (or none) that optionally waits for and
    /// signals timeline values, holding the queue's submit lock.
    /// </summary>
    public static Result Submit(VulkanDevice device, VulkanQueue queue, CommandBuffer commands,
        VkSemaphore waitSemaphore = default, ulong waitValue = 0, VkSemaphore signalSemaphore = default, ulong signalValue = 0)
    {
        var bufferInfo = new CommandBufferSubmitInfo { SType = StructureType.CommandBufferSubmitInfo, CommandBuffer = commands };
        var wait = new SemaphoreSubmitInfo
        {
            SType = StructureType.SemaphoreSubmitInfo,
            Semaphore = waitSemaphore,
            Value = waitValue,
            StageMask = PipelineStageFlags2.AllCommandsBit,
        };
        var signal = new SemaphoreSubmitInfo
        {
            SType = StructureType.SemaphoreSubmitInfo,
            Semaphore = signalSemaphore,
            Value = signalValue,
            StageMask = PipelineStageFlags2.AllCommandsBit,
        };
        var submit = new SubmitInfo2
        {
            SType = StructureType.SubmitInfo2,
            WaitSemaphoreInfoCount = waitSemaphore.Handle == 0 ? 0u : 1u,
            PWaitSemaphoreInfos = &wait,
            CommandBufferInfoCount = commands.Handle == 0 ? 0u : 1u,
            PCommandBufferInfos = &bufferInfo,
            SignalSemaphoreInfoCount = signalSemaphore.Handle == 0 ? 0u : 1u,
            PSignalSemaphoreInfos = &signal,
        };
        lock (queue.SubmitLock)
            return device.Vk.QueueSubmit2(queue.Handle, 1, &submit, default);
    }

    /// <summary>
    /// Fills a host buffer, copies it into another on <paramref name="queue"/> between
    /// synchronization2 barriers (host write → copy read, copy write → host read), submits with
    /// vkQueueSubmit2 signalling a timeline value, waits for it, and compares the bytes.
    /// </summary>
    public static bool CopyThroughQueue(VulkanDevice device, VulkanQueue queue, ulong size)
    {
        HostBuffer source = CreateHostBuffer(device, size, BufferUsageFlags.TransferSrcBit);
        HostBuffer target = CreateHostBuffer(device, size, BufferUsageFlags.TransferDstBit);
        VkSemaphore timeline = CreateTimeline(device, initialValue: 0);
        var commands = BeginCommands(device, queue);
        try
        {
            var input = new Span<byte>(source.Mapped, (int)size);
            for (int i = 0; i < input.Length; i++)
                input[i] = (byte)(i ^ (i >> 8));
            new Span<byte>(target.Mapped, (int)size).Clear();

            Barrier(device, commands.Buffer, source.Buffer,
                PipelineStageFlags2.HostBit, AccessFlags2.HostWriteBit,
                PipelineStageFlags2.CopyBit, AccessFlags2.TransferReadBit);
            var region = new BufferCopy { SrcOffset = 0, DstOffset = 0, Size = size };
            device.Vk.CmdCopyBuffer(commands.Buffer, source.Buffer, target.Buffer, 1, &region);
            Barrier(device, commands.Buffer, target.Buffer,
                PipelineStageFlags2.CopyBit, AccessFlags2.TransferWriteBit,
                PipelineStageFlags2.HostBit, AccessFlags2.HostReadBit);
            Check(device.Vk.EndCommandBuffer(commands.Buffer), "vkEndCommandBuffer");

            Check(Submit(device, queue, commands.Buffer, signalSemaphore: timeline, signalValue: 1), "vkQueueSubmit2");
            Assert.That(Wait(device, timeline, 1, 5_000_000_000), Is.EqualTo(Result.Success), "the copy signals timeline value 1");
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
