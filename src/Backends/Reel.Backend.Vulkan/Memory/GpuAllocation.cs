using Reel.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// A range of device memory handed to one resource: a segment of a shared block, or a whole
/// dedicated block. Charged to its <see cref="Category"/> in the context's accounting from
/// allocation to free.
/// </summary>
internal sealed unsafe class GpuAllocation
{
    /// <summary>Records an allocation the allocator just made.</summary>
    public GpuAllocation(MemoryBlock block, Segment? segment, ulong offset, ulong size, MemoryCategory category, GpuMemoryUsage usage, bool coherent)
    {
        Block = block;
        Segment = segment;
        Offset = offset;
        Size = size;
        Category = category;
        Usage = usage;
        IsCoherent = coherent;
    }

    /// <summary>The memory it lives in.</summary>
    public MemoryBlock Block { get; }

    /// <summary>Its segment of a shared block; null when dedicated.</summary>
    public Segment? Segment { get; }

    /// <summary>Offset in <see cref="Memory"/>.</summary>
    public ulong Offset { get; }

    /// <summary>Bytes reserved (the resource's requirement, rounded to nonCoherentAtomSize for non-coherent memory).</summary>
    public ulong Size { get; }

    /// <summary>The accounting category it is charged to.</summary>
    public MemoryCategory Category { get; }

    /// <summary>What it was allocated for.</summary>
    public GpuMemoryUsage Usage { get; }

    /// <summary>Whether host access needs no flush or invalidate.</summary>
    public bool IsCoherent { get; }

    /// <summary>The VkDeviceMemory to bind.</summary>
    public DeviceMemory Memory => Block.Memory;

    /// <summary>The memory type index.</summary>
    public uint MemoryTypeIndex => Block.TypeIndex;

    /// <summary>Whether the memory belongs to this resource alone.</summary>
    public bool IsDedicated => Block.IsDedicated;

    /// <summary>The host address of the first byte, or null when the memory is not host-visible.</summary>
    public byte* Mapped => Block.Mapped == null ? null : Block.Mapped + Offset;

    /// <summary>Set once by the allocator when the range is freed; a second free is refused.</summary>
    public bool IsFreed { get; set; }
}
