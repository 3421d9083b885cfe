using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Memory;
using Reel.Time;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// Suballocates device memory for one VkDevice. Requests go to a memory type chosen by usage
/// (with fallback to the next type when a heap is full); each type has shared blocks of
/// <see cref="GpuAllocatorOptions.BlockSize"/> placed best-fit with alignment and
/// bufferImageGranularity honoured; large, driver-preferred or driver-required resources get
/// dedicated memory. Host-visible memory is mapped persistently; non-coherent ranges are
/// aligned to nonCoherentAtomSize so their flushes never touch a neighbour. Empty blocks are
/// freed once empty for <see cref="GpuAllocatorOptions.EmptyBlockAgeFrames"/> frames of the
/// frame clock. Every allocation is charged to its category in the context's accounting.
/// Thread-safe: one lock, held around the Vulkan memory calls.
/// </summary>
internal sealed unsafe class GpuAllocator : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly GpuAllocatorOptions _options;
    private readonly MemoryAccounting? _accounting;
    private readonly FrameClock? _clock;
    private readonly Logger _log;
    private readonly object _lock = new();
    private readonly PhysicalDeviceMemoryProperties _memory;

    /// <summary>Shared blocks per memory type, oldest first.</summary>
    private readonly List<MemoryBlock>[] _blocks;

    /// <summary>Dedicated allocations' memory.</summary>
    private readonly HashSet<MemoryBlock> _dedicated = new();

    private readonly ulong[] _heapBlockBytes;
    private readonly ulong[] _heapAllocationBytes;
    private readonly ulong _granularity;
    private readonly ulong _atom;
    private readonly ulong _dedicatedThreshold;
    /// <summary>Memory type candidates per (memoryTypeBits, usage): resources of one kind ask the same question every time.</summary>
    private readonly Dictionary<(uint Bits, GpuMemoryUsage Usage), uint[]> _candidates = new();

    private int _allocationCount;
    private ulong _allocationBytes;
    private long _deviceAllocations;
    private long _deviceFrees;
    private long _blocksReclaimed;
    private bool _disposed;

    /// <summary>An allocator for <paramref name="device"/>, charging <paramref name="accounting"/> and aging empty blocks by <paramref name="clock"/>.</summary>
    public GpuAllocator(VulkanDevice device, GpuAllocatorOptions options, MemoryAccounting? accounting, FrameClock? clock, Logger log)
    {
        _device = device;
        _options = options;
        _accounting = accounting;
        _clock = clock;
        _log = log;
        _memory = device.PhysicalDevice.MemoryProperties;
        _blocks = new List<MemoryBlock>[_memory.MemoryTypeCount];
        for (int i = 0; i < _blocks.Length; i++)
            _blocks[i] = new List<MemoryBlock>();
        _heapBlockBytes = new ulong[_memory.MemoryHeapCount];
        _heapAllocationBytes = new ulong[_memory.MemoryHeapCount];
        ref readonly PhysicalDeviceLimits limits = ref device.PhysicalDevice.Limits;
        _granularity = BitOperations.IsPow2(limits.BufferImageGranularity) ? limits.BufferImageGranularity : 1;
        _atom = Math.Max(1, limits.NonCoherentAtomSize);
        _dedicatedThreshold = options.DedicatedThreshold != 0 ? options.DedicatedThreshold : options.BlockSize / 2;
    }

    /// <summary>The device the memory belongs to.</summary>
    public VulkanDevice Device => _device;

    /// <summary>bufferImageGranularity as the allocator applies it.</summary>
    public ulong Granularity => _granularity;

    /// <summary>nonCoherentAtomSize.</summary>
    public ulong NonCoherentAtomSize => _atom;

    /// <summary>Bytes of VkDeviceMemory held now (blocks and dedicated allocations); cheaper than <see cref="GetStats"/>.</summary>
    public ulong DeviceBytes
    {
        get
        {
            lock (_lock)
            {
                ulong bytes = 0;
                foreach (ulong heap in _heapBlockBytes)
                    bytes += heap;
                return bytes;
            }
        }
    }

    /// <summary>Allocates memory for <paramref name="request"/>; the failure message starts with <paramref name="function"/>.</summary>
    public ReelResult Allocate(in AllocationRequest request, string function, out GpuAllocation? allocation)
    {
        allocation = null;
        if (request.Size == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the resource needs 0 bytes of memory");
        ReelResult result = ReelResult.ErrorOutOfMemory;
        lock (_lock)
        {
            if (_disposed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the device's memory allocator is shut down");
            if (!_candidates.TryGetValue((request.MemoryTypeBits, request.Usage), out uint[]? candidates))
            {
                candidates = MemoryTypeSelector.Candidates(_memory, request.MemoryTypeBits, request.Usage).ToArray();
                _candidates[(request.MemoryTypeBits, request.Usage)] = candidates;
            }
            if (candidates.Length == 0)
            {
                return LastError.Set(ReelResult.ErrorUnsupported,
                    $"{function}: {_device.PhysicalDevice.Name} has no memory type for usage {request.Usage} " +
                    $"(needs {VulkanNames.Of(MemoryTypeSelector.Required(request.Usage))}) among the resource's memoryTypeBits 0x{request.MemoryTypeBits:x}");
            }
            foreach (uint type in candidates)
            {
                result = AllocateInType(type, request, function, out allocation);
                // A full heap falls back to the next type; anything else is final.
                if (result != ReelResult.ErrorOutOfMemory)
                    break;
            }
            if (result != ReelResult.Success)
                return result;
            _allocationCount++;
            _allocationBytes += allocation!.Size;
            _heapAllocationBytes[allocation.Block.HeapIndex] += allocation.Size;
        }
        _accounting?.Charge(allocation.Category, (long)allocation.Size);
        return ReelResult.Success;
    }

    /// <summary>Frees an allocation; false (nothing done) when it was already freed.</summary>
    public bool Free(GpuAllocation allocation)
    {
        lock (_lock)
        {
            if (allocation.IsFreed)
                return false;
            allocation.IsFreed = true;
            _allocationCount--;
            _allocationBytes -= allocation.Size;
            MemoryBlock block = allocation.Block;
            _heapAllocationBytes[block.HeapIndex] -= allocation.Size;
            if (block.IsDedicated)
            {
                _dedicated.Remove(block);
                FreeMemory(block);
            }
            else if (!_disposed)
            {
                block.Metadata!.Free(allocation.Segment!);
                if (block.Metadata.IsEmpty)
                    block.EmptySinceFrame = _clock?.Frame ?? 0;
            }
        }
        _accounting?.Discharge(allocation.Category, (long)allocation.Size);
        return true;
    }

    /// <summary>Makes host writes of [offset, offset + size) of the allocation visible to the device (VK_WHOLE_SIZE: to its end).</summary>
    public ReelResult Flush(GpuAllocation allocation, ulong offset, ulong size, string function) => SyncRange(allocation, offset, size, flush: true, function);

    /// <summary>Makes device writes of [offset, offset + size) of the allocation visible to the host (after waiting for them).</summary>
    public ReelResult Invalidate(GpuAllocation allocation, ulong offset, ulong size, string function) => SyncRange(allocation, offset, size, flush: false, function);

    /// <summary>Frees shared blocks that have been empty for the configured age at <paramref name="frame"/>; returns how many.</summary>
    public int Trim(long frame)
    {
        int freed = 0;
        lock (_lock)
        {
            if (_disposed)
                return 0;
            foreach (List<MemoryBlock> blocks in _blocks)
            {
                for (int i = blocks.Count - 1; i >= 0; i--)
                {
                    MemoryBlock block = blocks[i];
                    if (block.EmptySinceFrame < 0 || !block.Metadata!.IsEmpty || frame - block.EmptySinceFrame < _options.EmptyBlockAgeFrames)
                        continue;
                    blocks.RemoveAt(i);
                    FreeMemory(block);
                    _blocksReclaimed++;
                    freed++;
                }
            }
        }
        if (freed > 0 && _log.IsEnabled(LogLevel.Debug))
            _log.Write(LogLevel.Debug, $"gpu memory: freed {freed} block(s) empty for {_options.EmptyBlockAgeFrames}+ frames");
        return freed;
    }

    /// <summary>Counters, fragmentation and per-heap bytes; the budget comes from VK_EXT_memory_budget when the device has it enabled.</summary>
    public GpuMemoryStats GetStats()
    {
        int heapCount = (int)_memory.MemoryHeapCount;
        var budget = new ulong[heapCount];
        var usage = new ulong[heapCount];
        bool budgetKnown = _device.EnabledExtensions.Contains(ExtensionNames.ExtMemoryBudget)
            && _device.PhysicalDevice.QueryMemoryBudget(budget, usage, "reel_device_get_memory_stats") == ReelResult.Success;
        lock (_lock)
        {
            int blockCount = 0, freeRanges = 0;
            ulong blockBytes = 0, freeBytes = 0, largestSum = 0, dedicatedBytes = 0;
            foreach (List<MemoryBlock> blocks in _blocks)
            {
                foreach (MemoryBlock block in blocks)
                {
                    blockCount++;
                    blockBytes += block.Size;
                    freeBytes += block.Metadata!.FreeBytes;
                    largestSum += block.Metadata.LargestFreeRange;
                    freeRanges += block.Metadata.FreeRangeCount;
                }
            }
            foreach (MemoryBlock block in _dedicated)
                dedicatedBytes += block.Size;
            var heaps = new HeapStats[heapCount];
            for (int i = 0; i < heapCount; i++)
            {
                MemoryHeap heap = _memory.MemoryHeaps[i];
                heaps[i] = new HeapStats(heap.Size, (heap.Flags & MemoryHeapFlags.DeviceLocalBit) != 0,
                    _heapBlockBytes[i], _heapAllocationBytes[i], budgetKnown, budgetKnown ? budget[i] : 0, budgetKnown ? usage[i] : 0);
            }
            return new GpuMemoryStats
            {
                BlockCount = blockCount,
                BlockBytes = blockBytes,
                AllocationCount = _allocationCount,
                AllocationBytes = _allocationBytes,
                DedicatedCount = _dedicated.Count,
                DedicatedBytes = dedicatedBytes,
                FreeRangeCount = freeRanges,
                FreeBytes = freeBytes,
                Fragmentation = freeBytes == 0 ? 0 : 1.0 - (double)largestSum / freeBytes,
                DeviceAllocations = _deviceAllocations,
                DeviceFrees = _deviceFrees,
                BlocksReclaimed = _blocksReclaimed,
                Heaps = heaps,
            };
        }
    }

    /// <summary>The first inconsistency of any shared block's bookkeeping, or null (tests).</summary>
    internal string? FindInconsistency()
    {
        lock (_lock)
        {
            foreach (List<MemoryBlock> blocks in _blocks)
            {
                foreach (MemoryBlock block in blocks)
                {
                    if (block.Metadata!.FindInconsistency() is { } problem)
                        return $"block of type {block.TypeIndex}: {problem}";
                }
            }
        }
        return null;
    }

    /// <summary>Frees every block. Allocations still live at this point are Reel defects: they are logged, and their bytes discharged.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_allocationCount > 0)
                _log.Write(LogLevel.Error, $"gpu memory: {_allocationCount} allocation(s) of {_allocationBytes} bytes were still live when the allocator shut down");
            foreach (List<MemoryBlock> blocks in _blocks)
            {
                foreach (MemoryBlock block in blocks)
                    FreeMemory(block);
                blocks.Clear();
            }
            foreach (MemoryBlock block in _dedicated)
                FreeMemory(block);
            _dedicated.Clear();
        }
    }

    private ReelResult AllocateInType(uint type, in AllocationRequest request, string function, out GpuAllocation? allocation)
    {
        allocation = null;
        MemoryPropertyFlags flags = _memory.MemoryTypes[(int)type].PropertyFlags;
        bool coherent = MemoryTypeSelector.IsHostCoherent(flags) && !_options.TreatAllMemoryAsNonCoherent;
        ulong size = request.Size;
        ulong alignment = BitOperations.IsPow2(request.Alignment) ? request.Alignment : 1;
        if (MemoryTypeSelector.IsHostVisible(flags) && !coherent)
        {
            // Whole atoms: a flush of this allocation then never reaches a neighbour's bytes.
            alignment = Math.Max(alignment, _atom);
            size = (size + _atom - 1) / _atom * _atom;
        }
        if (request.Dedicated || size > _dedicatedThreshold)
        {
            ReelResult dedicated = AllocateMemory(type, size, request, dedicated: true, function, out MemoryBlock? block);
            if (dedicated != ReelResult.Success)
                return dedicated;
            _dedicated.Add(block!);
            allocation = new GpuAllocation(block!, null, 0, size, request.Category, request.Usage, coherent);
            return ReelResult.Success;
        }
        foreach (MemoryBlock block in _blocks[type])
        {
            if (block.Metadata!.TryAllocate(size, alignment, request.Kind) is { } segment)
            {
                block.EmptySinceFrame = -1;
                allocation = new GpuAllocation(block, segment, segment.Offset, size, request.Category, request.Usage, coherent);
                return ReelResult.Success;
            }
        }
        ReelResult result = NewBlock(type, size, request, function, out MemoryBlock? created);
        if (result != ReelResult.Success)
            return result;
        Segment? placed = created!.Metadata!.TryAllocate(size, alignment, request.Kind);
        System.Diagnostics.Debug.Assert(placed is not null, "A new block holds any request up to half its size at offset 0.");
        _blocks[type].Add(created);
        allocation = new GpuAllocation(created, placed!, placed!.Offset, size, request.Category, request.Usage, coherent);
        return ReelResult.Success;
    }

    /// <summary>A shared block for type <paramref name="type"/>; when the heap is short, up to three halvings that still hold the request.</summary>
    private ReelResult NewBlock(uint type, ulong size, in AllocationRequest request, string function, out MemoryBlock? block)
    {
        uint heap = _memory.MemoryTypes[(int)type].HeapIndex;
        ulong heapSize = _memory.MemoryHeaps[(int)heap].Size;
        ulong blockSize = _options.BlockSize;
        if (heapSize <= 1UL << 30)
            blockSize = Math.Min(blockSize, Math.Max(heapSize / 8, size));
        ReelResult result;
        int halvings = 0;
        while (true)
        {
            result = AllocateMemory(type, blockSize, request, dedicated: false, function, out block);
            if (result != ReelResult.ErrorOutOfMemory || halvings == 3 || blockSize / 2 < size)
                return result;
            blockSize /= 2;
            halvings++;
        }
    }

    private ReelResult AllocateMemory(uint type, ulong size, in AllocationRequest request, bool dedicated, string function, out MemoryBlock? block)
    {
        block = null;
        Vk vk = _device.Vk;
        var dedicatedInfo = new MemoryDedicatedAllocateInfo
        {
            SType = StructureType.MemoryDedicatedAllocateInfo,
            Buffer = request.DedicatedBuffer,
            Image = request.DedicatedImage,
        };
        bool named = dedicated && (request.DedicatedBuffer.Handle != 0 || request.DedicatedImage.Handle != 0);
        var info = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            PNext = named ? &dedicatedInfo : null,
            AllocationSize = size,
            MemoryTypeIndex = type,
        };
        DeviceMemory memory;
        ReelResult result = VulkanCall.Check(vk.AllocateMemory(_device.Handle, &info, null, &memory), function,
            $"vkAllocateMemory({size} bytes of memory type {type}{(dedicated ? ", dedicated" : "")})");
        if (result != ReelResult.Success)
            return result;
        byte* mapped = null;
        if (MemoryTypeSelector.IsHostVisible(_memory.MemoryTypes[(int)type].PropertyFlags))
        {
            void* pointer;
            result = VulkanCall.Check(vk.MapMemory(_device.Handle, memory, 0, Vk.WholeSize, 0, &pointer), function, "vkMapMemory");
            if (result != ReelResult.Success)
            {
                vk.FreeMemory(_device.Handle, memory, null);
                return result;
            }
            mapped = (byte*)pointer;
        }
        uint heap = _memory.MemoryTypes[(int)type].HeapIndex;
        _heapBlockBytes[heap] += size;
        _deviceAllocations++;
        block = new MemoryBlock(memory, size, type, heap, dedicated, mapped, _granularity);
        return ReelResult.Success;
    }

    private void FreeMemory(MemoryBlock block)
    {
        // vkFreeMemory unmaps a mapped memory object implicitly.
        _device.Vk.FreeMemory(_device.Handle, block.Memory, null);
        _heapBlockBytes[block.HeapIndex] -= block.Size;
        _deviceFrees++;
    }

    private ReelResult SyncRange(GpuAllocation allocation, ulong offset, ulong size, bool flush, string function)
    {
        if (allocation.Mapped == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the allocation is in memory that is not host-visible (usage {allocation.Usage}); there is nothing to {(flush ? "flush" : "invalidate")}");
        if (size == Vk.WholeSize && offset <= allocation.Size)
            size = allocation.Size - offset;
        if (offset > allocation.Size || size > allocation.Size - offset)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: offset {offset} + size {size} exceeds the allocation's {allocation.Size} bytes");
        if (allocation.IsCoherent || size == 0)
            return ReelResult.Success;
        var range = MappedRange.Describe(allocation.Memory, MappedRange.Align(allocation.Offset + offset, size, _atom, allocation.Block.Size));
        Result status = flush
            ? _device.Vk.FlushMappedMemoryRanges(_device.Handle, 1, &range)
            : _device.Vk.InvalidateMappedMemoryRanges(_device.Handle, 1, &range);
        return VulkanCall.Check(status, function, flush ? "vkFlushMappedMemoryRanges" : "vkInvalidateMappedMemoryRanges");
    }
}
