using Reel.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>A buffer to create: VkBufferCreateInfo's essentials and where its memory goes.</summary>
internal readonly unsafe struct BufferSpec
{
    /// <summary>Bytes, at least 1.</summary>
    public ulong Size { get; init; }

    /// <summary>VkBufferUsageFlags.</summary>
    public BufferUsageFlags Usage { get; init; }

    /// <summary>Decides the memory type.</summary>
    public GpuMemoryUsage Memory { get; init; }

    /// <summary>Where its bytes are charged.</summary>
    public MemoryCategory Category { get; init; }

    /// <summary>VkBufferCreateFlags (e.g. VIDEO_PROFILE_INDEPENDENT).</summary>
    public BufferCreateFlags Flags { get; init; }

    /// <summary>A pNext chain for VkBufferCreateInfo (a video profile list), or null; must stay valid during creation.</summary>
    public void* Next { get; init; }

    /// <summary>Give it its own VkDeviceMemory whatever its size.</summary>
    public bool Dedicated { get; init; }
}
