using Reel.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>What a resource needs from the allocator: its memory requirements and how it will be used.</summary>
/// <param name="Size">VkMemoryRequirements.size.</param>
/// <param name="Alignment">VkMemoryRequirements.alignment (a power of two).</param>
/// <param name="MemoryTypeBits">VkMemoryRequirements.memoryTypeBits.</param>
/// <param name="Usage">Decides the memory type.</param>
/// <param name="Kind">Linear or optimal, for bufferImageGranularity.</param>
/// <param name="Category">Where the bytes are charged.</param>
/// <param name="Dedicated">Whether the resource gets its own VkDeviceMemory (the driver requires or prefers it, or Reel decided so).</param>
/// <param name="DedicatedBuffer">With <paramref name="Dedicated"/>: the buffer named in VkMemoryDedicatedAllocateInfo, or null.</param>
/// <param name="DedicatedImage">With <paramref name="Dedicated"/>: the image named in VkMemoryDedicatedAllocateInfo, or null.</param>
internal readonly record struct AllocationRequest(
    ulong Size,
    ulong Alignment,
    uint MemoryTypeBits,
    GpuMemoryUsage Usage,
    ResourceKind Kind,
    MemoryCategory Category,
    bool Dedicated = false,
    VkBuffer DedicatedBuffer = default,
    Image DedicatedImage = default);
