using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Device;
using Reel.Vulkan.Dpb;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Api;

/// <summary>The device object: teardown of what the host left, context teardown, headless creation and adoption of a host's VkDevice.</summary>
public unsafe class GpuDeviceTests : GpuTestBase
{
    [Test]
    public void Destroy_DestroysWhatTheHostLeft_AndLeaksNothing()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        var spec = new BufferSpec { Size = 1 << 20, Usage = BufferUsageFlags.TransferDstBit, Memory = GpuMemoryUsage.Readback, Category = MemoryCategory.Device };
        Assert.That(device.CreateBuffer(spec, "test", out GpuResource? buffer), Is.EqualTo(ReelResult.Success));
        Assert.That(device.CreateBufferPool(new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging }, "test", out GpuBufferPool? pool), Is.EqualTo(ReelResult.Success));
        Assert.That(device.AcquirePooled(pool!, 5000, "test", out GpuResource? pooled), Is.EqualTo(ReelResult.Success));
        var dpbOptions = new DpbOptions { Format = Format.R8G8B8A8Unorm, Width = 64, Height = 64, SlotCount = 4 };
        Assert.That(device.CreateDpb(dpbOptions, "test", out DecodedPictureBuffer? dpb), Is.EqualTo(ReelResult.Success));
        Assert.That(device.CreateTimeline(0, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        Assert.That(device.GetQueueTimeline(GpuQueueRole.Graphics, "test", out TimelineObject? queue), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginCommands(GpuQueueRole.Graphics, "test", out _), Is.EqualTo(ReelResult.Success), "a command buffer left recording");
        var handles = new List<Handle> { buffer!.Handle, pool!.Handle, pooled!.Handle, dpb!.Handle, timeline!.Handle, queue!.Handle, device.Handle };

        DestroyGpuDevice(device);

        Assert.That((context.Memory.Current(MemoryCategory.Device), context.Memory.Current(MemoryCategory.Dpb)), Is.EqualTo((0L, 0L)));
        Assert.That(GpuRegistry.Allocations.TryGet(buffer.Handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(GpuRegistry.Dpbs.TryGet(dpb.Handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(GpuRegistry.Timelines.TryGet(queue.Handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(GpuRegistry.Devices.TryGet(device.Handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(handles, Is.Unique);
        // The Vulkan device is destroyed after this (harness teardown): a leaked object would be reported there.
    }

    [Test]
    public void FrameTick_WithADeviceAndAPool_AllocatesNothing()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        Assert.That(device.CreateBufferPool(new GpuBufferPoolOptions { Kind = GpuBufferPoolKind.Staging, TrimIdleFrames = 1000 }, "test", out _), Is.EqualTo(ReelResult.Success));
        for (int i = 0; i < 100; i++)
            context.AdvanceFrame();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            context.AdvanceFrame();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "reel_context_advance_frame stays allocation-free with a GPU device attached");
    }

    [Test]
    public void ContextDestroy_DestroysItsDevices()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        Assert.That(device.CreateDpb(new DpbOptions { Format = Format.R8G8B8A8Unorm, Width = 64, Height = 64, SlotCount = 2 }, "test", out _), Is.EqualTo(ReelResult.Success));
        Assert.That(ReelContext.Destroy(context.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.IsDestroyed, Is.True);
        Assert.That(GpuRegistry.Devices.TryGet(device.Handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(context.Memory.Current(MemoryCategory.Dpb), Is.Zero);
    }

    [Test]
    public void Create_Headless_WithValidation_OwnsAndDestroysItsInstanceCleanly()
    {
        ReelContext context = CreateContext();
        Assert.That(GpuDevice.Create(context, new GpuDeviceOptions { Validation = true }, "test", out GpuDevice? device), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(device!.Validation, Is.Not.Null);
        Assert.That(device.Vulkan.IsOwned && device.Vulkan.Instance.IsOwned, Is.True);
        Assert.That(device.Vulkan.Instance.EnabledLayers, Does.Contain("VK_LAYER_KHRONOS_validation"));
        var spec = new BufferSpec { Size = 4096, Usage = BufferUsageFlags.TransferSrcBit, Memory = GpuMemoryUsage.Upload, Category = MemoryCategory.Device };
        Assert.That(device.CreateBuffer(spec, "test", out _), Is.EqualTo(ReelResult.Success));
        DestroyGpuDevice(device);
        Assert.That(device.Validation!.ErrorCount, Is.Zero, string.Join("\n", device.Validation.Errors));
    }

    [Test]
    public void Adopt_HostsOwnDevice_ReelWorksOnItAndLeavesItAlive()
    {
        ReelContext context = CreateContext();
        HostVulkan host = Track(new HostVulkan(Log));
        var adoption = new VulkanAdoption
        {
            GetInstanceProcAddr = HostProcAddr.GetInstanceProcAddr,
            Instance = host.Instance,
            InstanceApiVersion = host.ApiVersion,
            InstanceExtensions = HostVulkan.InstanceExtensions,
            PhysicalDevice = host.PhysicalDevice,
            Device = host.Device,
            EnabledFeatures = VulkanFeatures.TimelineSemaphore | VulkanFeatures.Synchronization2,
            Queues = [new AdoptedQueue(host.QueueFamily, 0, host.Queue)],
        };
        Assert.That(GpuDevice.Adopt(context, adoption, new GpuDeviceOptions(), "test", out GpuDevice? device), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(device!.IsAdopted, Is.True);
        GpuBuffer source = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, BufferUsageFlags.TransferSrcBit);
        GpuBuffer target = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Readback, BufferUsageFlags.TransferDstBit);
        new System.Span<byte>(source.Mapped, 4096).Fill(0x5A);
        for (int frame = 0; frame < 4; frame++)
        {
            Assert.That(device.BeginFrame(5_000_000_000, "test", out _), Is.EqualTo(ReelResult.Success));
            GpuWork.CopyAndWait(device, source, target, 4096);
            Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
        }
        Assert.That(new System.Span<byte>(target.Mapped, 4096).IndexOfAnyExcept((byte)0x5A), Is.EqualTo(-1));
        source.Destroy(device.Allocator);
        target.Destroy(device.Allocator);
        DestroyGpuDevice(device);

        DeviceWork.Check(host.DeviceVk.DeviceWaitIdle(host.Device), "the host's device after Reel left");
        Assert.That(Log.ErrorCount, Is.Zero, string.Join("\n", Log.Errors));
        host.Dispose();
        Assert.That(UnexpectedErrors(), Is.Empty, "the host's vkDestroyDevice finds nothing of Reel's");
    }

    [Test]
    public void VulkanBackend_DescribesTheLoaderAndADevice()
    {
        GpuDevice device = CreateGpuDevice();
        var backend = new VulkanBackend();
        Assert.That((backend.Name, backend.Kind, backend.Encoders.Count, backend.Decoders.Count), Is.EqualTo(("vulkan", BackendKind.Vulkan, 0, 0)));
        BackendDescription vulkan = backend.Describe(device);
        Assert.That((vulkan.Kind, vulkan.Available, vulkan.DeviceName), Is.EqualTo((BackendKind.Vulkan, true, device.Vulkan.PhysicalDevice.Name)));
        Assert.That(vulkan.QueueFamilies, Has.Count.EqualTo(device.Vulkan.PhysicalDevice.QueueFamilies.Count));
        uint graphicsFamily = device.QueueFor(GpuQueueRole.Graphics)!.Queue.FamilyIndex;
        Assert.That(vulkan.QueueFamilies[(int)graphicsFamily].ReelQueues & 1u, Is.EqualTo(1u), "bit 0: Reel's graphics queue");
        Assert.That(vulkan.Heaps, Has.Count.EqualTo((int)device.Vulkan.PhysicalDevice.MemoryProperties.MemoryHeapCount));
        if (!device.Vulkan.PhysicalDevice.HasVideoQueue)
            Assert.That(vulkan.Codecs, Is.Empty, "no video queue, no hardware codec operation");

        BackendDescription loader = backend.Describe();
        Assert.That((loader.Available, loader.DeviceName), Is.EqualTo((true, "")));
        Assert.That(loader.ApiVersion, Is.GreaterThanOrEqualTo(VulkanVersion.V1_1));
    }
}
