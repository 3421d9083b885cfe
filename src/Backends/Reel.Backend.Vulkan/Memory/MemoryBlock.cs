using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// One VkDeviceMemory: a block shared by many allocations (with <see cref="Metadata"/>), or a
/// dedicated allocation for one resource. Host-visible memory is mapped once, when it is
/// allocated, and stays mapped until it is freed (persistent mapping: a VkDeviceMemory can be
/// mapped only once at a time, so allocations sharing it share the mapping).
/// </summary>
internal sealed unsafe class MemoryBlock
{
    /// <summary>Wraps freshly allocated (and, when host-visible, mapped) memory.</summary>
    public MemoryBlock(DeviceMemory memory, ulong size, uint typeIndex, uint heapIndex, bool dedicated, byte* mapped, ulong granularity)
    {
        Memory = memory;
        Size = size;
        TypeIndex = typeIndex;
        HeapIndex = heapIndex;
        Mapped = mapped;
        Metadata = dedicated ? null : new BlockMetadata(size, granularity);
    }

    /// <summary>The memory object.</summary>
    public DeviceMemory Memory { get; }

    /// <summary>Its allocationSize.</summary>
    public ulong Size { get; }

    /// <summary>Its memory type.</summary>
    public uint TypeIndex { get; }

    /// <summary>The heap of that type.</summary>
    public uint HeapIndex { get; }

    /// <summary>The ranges of a shared block; null for a dedicated allocation.</summary>
    public BlockMetadata? Metadata { get; }

    /// <summary>Whether the memory belongs to one resource.</summary>
    public bool IsDedicated => Metadata is null;

    /// <summary>The persistent mapping of the whole memory, or null when it is not host-visible.</summary>
    public byte* Mapped { get; }

    /// <summary>The frame clock reading when the block last became empty; -1 while it holds allocations.</summary>
    public long EmptySinceFrame { get; set; } = -1;
}
