using System.Collections.Generic;

namespace Reel.Vulkan.Memory;

/// <summary>
/// The allocator at one instant. "Block" bytes are VkDeviceMemory Reel holds; "allocation"
/// bytes are those handed to resources. Fragmentation is the share of free bytes of shared
/// blocks that lie outside their block's largest free range (0: every block's free space is
/// one range; close to 1: free space is scattered in small holes).
/// </summary>
internal sealed class GpuMemoryStats
{
    /// <summary>Shared blocks.</summary>
    public int BlockCount { get; init; }

    /// <summary>Bytes of shared blocks.</summary>
    public ulong BlockBytes { get; init; }

    /// <summary>Live allocations (shared and dedicated).</summary>
    public int AllocationCount { get; init; }

    /// <summary>Bytes of live allocations (shared and dedicated).</summary>
    public ulong AllocationBytes { get; init; }

    /// <summary>Dedicated allocations.</summary>
    public int DedicatedCount { get; init; }

    /// <summary>Bytes of dedicated allocations.</summary>
    public ulong DedicatedBytes { get; init; }

    /// <summary>Free ranges across shared blocks.</summary>
    public int FreeRangeCount { get; init; }

    /// <summary>Free bytes across shared blocks.</summary>
    public ulong FreeBytes { get; init; }

    /// <summary>The fragmentation ratio, 0 to 1.</summary>
    public double Fragmentation { get; init; }

    /// <summary>vkAllocateMemory calls that succeeded since creation.</summary>
    public long DeviceAllocations { get; init; }

    /// <summary>vkFreeMemory calls since creation.</summary>
    public long DeviceFrees { get; init; }

    /// <summary>Empty shared blocks freed after their age.</summary>
    public long BlocksReclaimed { get; init; }

    /// <summary>Per heap, in heap order.</summary>
    public IReadOnlyList<HeapStats> Heaps { get; init; } = [];
}
