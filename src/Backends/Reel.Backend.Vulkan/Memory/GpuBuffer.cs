using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>A VkBuffer bound to memory from a <see cref="GpuAllocator"/>.</summary>
internal sealed unsafe class GpuBuffer
{
    /// <summary>Wraps a created and bound buffer.</summary>
    public GpuBuffer(VkBuffer handle, ulong size, BufferUsageFlags usage, GpuAllocation allocation)
    {
        Handle = handle;
        Size = size;
        Usage = usage;
        Allocation = allocation;
    }

    /// <summary>The buffer.</summary>
    public VkBuffer Handle { get; }

    /// <summary>VkBufferCreateInfo.size.</summary>
    public ulong Size { get; }

    /// <summary>VkBufferCreateInfo.usage.</summary>
    public BufferUsageFlags Usage { get; }

    /// <summary>Its memory.</summary>
    public GpuAllocation Allocation { get; }

    /// <summary>The host address of its first byte, or null when its memory is not host-visible.</summary>
    public byte* Mapped => Allocation.Mapped;

    /// <summary>Destroys the buffer, then frees its memory. The GPU must be done with it.</summary>
    public void Destroy(GpuAllocator allocator)
    {
        allocator.Device.Vk.DestroyBuffer(allocator.Device.Handle, Handle, null);
        allocator.Free(Allocation);
    }
}
