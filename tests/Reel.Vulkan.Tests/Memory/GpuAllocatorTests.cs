using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Context;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Memory;

/// <summary>The suballocator on lavapipe with validation: placement, dedicated memory, reclaiming, mapping, accounting.</summary>
public unsafe class GpuAllocatorTests : GpuTestBase
{
    private const BufferUsageFlags Transfer = BufferUsageFlags.TransferSrcBit | BufferUsageFlags.TransferDstBit;

    private static GpuDeviceOptions Blocks(ulong blockSize, long emptyAge = 120, bool nonCoherent = false) => new()
    {
        Allocator = new GpuAllocatorOptions { BlockSize = blockSize, EmptyBlockAgeFrames = emptyAge, TreatAllMemoryAsNonCoherent = nonCoherent },
    };

    [Test]
    public void RandomBuffersAndImages_AccountingEqualsTheLiveAllocations()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context, Blocks(4 << 20));
        var random = new Random(5);
        var buffers = new List<GpuBuffer>();
        var images = new List<GpuImage>();
        for (int step = 0; step < 400; step++)
        {
            int action = random.Next(5);
            if (action < 2 && buffers.Count + images.Count > 0)
            {
                int index = random.Next(buffers.Count + images.Count);
                if (index < buffers.Count)
                {
                    buffers[index].Destroy(device.Allocator);
                    buffers.RemoveAt(index);
                }
                else
                {
                    images[index - buffers.Count].Destroy(device.Allocator);
                    images.RemoveAt(index - buffers.Count);
                }
            }
            else if (action < 4)
            {
                var usage = (GpuMemoryUsage)random.Next(1, 4);
                var category = random.Next(4) == 0 ? MemoryCategory.Dpb : MemoryCategory.Device;
                buffers.Add(GpuWork.Buffer(device, (ulong)random.Next(1, 3 << 20), usage, Transfer, category));
            }
            else
            {
                var tiling = random.Next(3) == 0 ? ImageTiling.Linear : ImageTiling.Optimal;
                var category = random.Next(2) == 0 ? MemoryCategory.Dpb : MemoryCategory.Device;
                images.Add(GpuWork.Image(device, (uint)random.Next(8, 400), (uint)random.Next(8, 400), tiling, category));
            }
            if (step % 10 != 0)
                continue;
            var live = buffers.Select(b => b.Allocation).Concat(images.Select(i => i.Allocation)).ToList();
            Assert.That(device.Allocator.FindInconsistency(), Is.Null, $"step {step}");
            Assert.That(context.Memory.Current(MemoryCategory.Device), Is.EqualTo(Sum(live, MemoryCategory.Device)), $"device bytes at step {step}");
            Assert.That(context.Memory.Current(MemoryCategory.Dpb), Is.EqualTo(Sum(live, MemoryCategory.Dpb)), $"DPB bytes at step {step}");
            GpuMemoryStats stats = device.Allocator.GetStats();
            Assert.That((stats.AllocationCount, stats.AllocationBytes), Is.EqualTo((live.Count, (ulong)live.Sum(a => (long)a.Size))));
        }
        Assert.That(device.Allocator.GetStats().BlockCount, Is.GreaterThan(1), "a 4 MiB block size makes the trace span several blocks");
        Assert.That(device.Allocator.GetStats().DedicatedCount, Is.GreaterThan(0), "requests above 2 MiB get their own memory");
        buffers.ForEach(b => b.Destroy(device.Allocator));
        images.ForEach(i => i.Destroy(device.Allocator));
        Assert.That((context.Memory.Current(MemoryCategory.Device), context.Memory.Current(MemoryCategory.Dpb)), Is.EqualTo((0L, 0L)));
        Assert.That(device.Allocator.GetStats().AllocationCount, Is.Zero);
    }

    [Test]
    public void BufferAndOptimalImage_ShareABlockOnSeparateGranularityPages()
    {
        GpuDevice device = CreateGpuDevice(Blocks(4 << 20));
        ulong granularity = device.Allocator.Granularity;
        GpuBuffer buffer = GpuWork.Buffer(device, 100, GpuMemoryUsage.DeviceLocal, Transfer);
        GpuImage image = GpuWork.Image(device, 16, 16, ImageTiling.Optimal);
        GpuBuffer second = GpuWork.Buffer(device, 100, GpuMemoryUsage.DeviceLocal, Transfer);
        try
        {
            Assert.That(image.Allocation.Memory, Is.EqualTo(buffer.Allocation.Memory), "one memory type on lavapipe: one block");
            ulong bufferLastPage = (buffer.Allocation.Offset + buffer.Allocation.Size - 1) / granularity;
            Assert.That(image.Allocation.Offset / granularity, Is.GreaterThan(bufferLastPage), $"bufferImageGranularity {granularity}");
            ulong imageLastPage = (image.Allocation.Offset + image.Allocation.Size - 1) / granularity;
            Assert.That(second.Allocation.Offset / granularity, Is.Not.EqualTo(imageLastPage), "nor does the next buffer share the image's last page");
            Assert.That(device.Allocator.FindInconsistency(), Is.Null);
        }
        finally
        {
            second.Destroy(device.Allocator);
            image.Destroy(device.Allocator);
            buffer.Destroy(device.Allocator);
        }
    }

    [Test]
    public void LargeOrRequestedResources_GetDedicatedMemory()
    {
        GpuDevice device = CreateGpuDevice(Blocks(4 << 20));
        long before = device.Allocator.GetStats().DeviceAllocations;
        GpuBuffer large = GpuWork.Buffer(device, 3 << 20, GpuMemoryUsage.DeviceLocal, Transfer);
        GpuBuffer forced = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, Transfer, dedicated: true);
        GpuBuffer shared = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, Transfer);
        GpuMemoryStats stats = device.Allocator.GetStats();
        Assert.That((large.Allocation.IsDedicated, forced.Allocation.IsDedicated, shared.Allocation.IsDedicated), Is.EqualTo((true, true, false)));
        Assert.That((stats.DedicatedCount, stats.BlockCount), Is.EqualTo((2, 1)));
        Assert.That(stats.DeviceAllocations - before, Is.EqualTo(3), "two dedicated allocations and one block");
        Assert.That(large.Allocation.Offset, Is.Zero);
        large.Destroy(device.Allocator);
        forced.Destroy(device.Allocator);
        shared.Destroy(device.Allocator);
        Assert.That(device.Allocator.GetStats().DedicatedCount, Is.Zero, "dedicated memory is freed with its resource");
    }

    [Test]
    public void EmptyBlock_IsFreedOnlyAfterItsAge()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context, Blocks(4 << 20, emptyAge: 3));
        GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, Transfer).Destroy(device.Allocator);
        context.AdvanceFrame();
        GpuBuffer reuse = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, Transfer);
        reuse.Destroy(device.Allocator);
        Assert.That(device.Allocator.GetStats().DeviceAllocations, Is.EqualTo(1), "the empty block was reused, not reallocated");
        context.AdvanceFrame();
        context.AdvanceFrame();
        Assert.That(device.Allocator.GetStats().BlockCount, Is.EqualTo(1), "empty for 2 frames of 3");
        context.AdvanceFrame();
        GpuMemoryStats stats = device.Allocator.GetStats();
        Assert.That((stats.BlockCount, stats.BlocksReclaimed, stats.DeviceFrees), Is.EqualTo((0, 1L, 1L)));
    }

    [Test]
    public void NonCoherentMemory_FlushAndInvalidateReachTheDriverAlignedToAtoms()
    {
        GpuDevice device = CreateGpuDevice(Blocks(4 << 20, nonCoherent: true));
        ulong atom = device.Allocator.NonCoherentAtomSize;
        GpuBuffer upload = GpuWork.Buffer(device, 1000, GpuMemoryUsage.Upload, BufferUsageFlags.TransferSrcBit);
        GpuBuffer readback = GpuWork.Buffer(device, 1000, GpuMemoryUsage.Readback, BufferUsageFlags.TransferDstBit);
        try
        {
            foreach (GpuAllocation allocation in new[] { upload.Allocation, readback.Allocation })
            {
                Assert.That(allocation.IsCoherent, Is.False);
                Assert.That((allocation.Offset % atom, allocation.Size % atom), Is.EqualTo((0UL, 0UL)), $"nonCoherentAtomSize {atom}");
            }
            var written = new Span<byte>(upload.Mapped, 1000);
            for (int i = 0; i < written.Length; i++)
                written[i] = (byte)(i * 7);
            // Two partial flushes with unaligned ends: the validation layer checks each range's alignment.
            Assert.That(device.Allocator.Flush(upload.Allocation, 0, 10, "test"), Is.EqualTo(Abi.ReelResult.Success), Errors.LastError.Message);
            Assert.That(device.Allocator.Flush(upload.Allocation, 10, Vk.WholeSize, "test"), Is.EqualTo(Abi.ReelResult.Success), Errors.LastError.Message);
            GpuWork.CopyAndWait(device, upload, readback, 1000);
            Assert.That(device.Allocator.Invalidate(readback.Allocation, 3, 997, "test"), Is.EqualTo(Abi.ReelResult.Success), Errors.LastError.Message);
            Assert.That(new Span<byte>(readback.Mapped, 1000).SequenceEqual(written), Is.True, "the bytes went through the GPU");
            Assert.That(device.Allocator.Flush(upload.Allocation, 1000, 100, "test"), Is.EqualTo(Abi.ReelResult.ErrorInvalidArgument));
            Assert.That(Errors.LastError.Message, Does.Contain("offset 1000 + size 100 exceeds the allocation's 1024 bytes"));
        }
        finally
        {
            upload.Destroy(device.Allocator);
            readback.Destroy(device.Allocator);
        }
    }

    [Test]
    public void Fragmentation_RisesWithHolesAndFallsWhenTheyMerge()
    {
        GpuDevice device = CreateGpuDevice(Blocks(4 << 20));
        var buffers = Enumerable.Range(0, 20).Select(_ => GpuWork.Buffer(device, 64 * 1024, GpuMemoryUsage.Upload, Transfer)).ToList();
        Assert.That(device.Allocator.GetStats().Fragmentation, Is.Zero, "one free range: the tail");
        for (int i = 0; i < buffers.Count; i += 2)
            buffers[i].Destroy(device.Allocator);
        GpuMemoryStats holes = device.Allocator.GetStats();
        Assert.That(holes.FreeRangeCount, Is.EqualTo(11));
        Assert.That(holes.Fragmentation, Is.EqualTo(1.0 - (double)((4 << 20) - 20 * 64 * 1024) / holes.FreeBytes).Within(1e-9));
        for (int i = 1; i < buffers.Count; i += 2)
            buffers[i].Destroy(device.Allocator);
        GpuMemoryStats merged = device.Allocator.GetStats();
        Assert.That((merged.FreeRangeCount, merged.Fragmentation), Is.EqualTo((1, 0.0)));
    }

    [Test]
    public void Free_Twice_IsRefusedTheSecondTime()
    {
        ReelContext context = CreateContext();
        GpuDevice device = CreateGpuDevice(context);
        GpuBuffer buffer = GpuWork.Buffer(device, 4096, GpuMemoryUsage.Upload, Transfer);
        device.Vulkan.Vk.DestroyBuffer(device.Vulkan.Handle, buffer.Handle, null);
        Assert.That(device.Allocator.Free(buffer.Allocation), Is.True);
        Assert.That(device.Allocator.Free(buffer.Allocation), Is.False);
        Assert.That(context.Memory.Current(MemoryCategory.Device), Is.Zero, "discharged once");
    }

    [Test]
    public void Stats_ReportTheHeapsAndTheBudgetWhereKnown()
    {
        GpuDevice device = CreateGpuDevice();
        GpuBuffer buffer = GpuWork.Buffer(device, 1 << 20, GpuMemoryUsage.DeviceLocal, Transfer);
        GpuMemoryStats stats = device.Allocator.GetStats();
        buffer.Destroy(device.Allocator);
        Assert.That(stats.Heaps, Has.Count.EqualTo((int)device.Vulkan.PhysicalDevice.MemoryProperties.MemoryHeapCount));
        HeapStats heap = stats.Heaps[(int)device.Vulkan.PhysicalDevice.MemoryProperties.MemoryTypes[0].HeapIndex];
        Assert.That(heap.BlockBytes, Is.EqualTo(GpuAllocatorOptions.DefaultBlockSize));
        Assert.That(heap.AllocationBytes, Is.EqualTo(buffer.Allocation.Size));
        bool budget = device.Vulkan.EnabledExtensions.Contains(ExtensionNames.ExtMemoryBudget);
        Assert.That(heap.BudgetKnown, Is.EqualTo(budget), "lavapipe lists no VK_EXT_memory_budget; Reel's own counters still work");
        if (budget)
            Assert.That(heap.Budget, Is.GreaterThan(0UL));
    }

    private static long Sum(IEnumerable<GpuAllocation> allocations, MemoryCategory category) =>
        allocations.Where(a => a.Category == category).Sum(a => (long)a.Size);
}
