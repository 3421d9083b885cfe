using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Memory;

/// <summary>A VkImage bound to memory from a <see cref="GpuAllocator"/>, with what it was created as.</summary>
internal sealed unsafe class GpuImage
{
    /// <summary>Wraps a created and bound image.</summary>
    public GpuImage(VkImage handle, in VkImageCreateInfo info, GpuAllocation allocation)
    {
        Handle = handle;
        Format = info.format;
        Extent = info.extent;
        ArrayLayers = info.arrayLayers;
        MipLevels = info.mipLevels;
        Usage = info.usage;
        Tiling = info.tiling;
        Allocation = allocation;
    }

    /// <summary>The image.</summary>
    public VkImage Handle { get; }

    /// <summary>Its format.</summary>
    public VkFormat Format { get; }

    /// <summary>Its extent (depth 1 for 2D images).</summary>
    public VkExtent3D Extent { get; }

    /// <summary>Its array layers.</summary>
    public uint ArrayLayers { get; }

    /// <summary>Its mip levels.</summary>
    public uint MipLevels { get; }

    /// <summary>Its usage.</summary>
    public VkImageUsageFlagBits Usage { get; }

    /// <summary>Optimal or linear.</summary>
    public VkImageTiling Tiling { get; }

    /// <summary>Its memory.</summary>
    public GpuAllocation Allocation { get; }

    /// <summary>Destroys the image, then frees its memory. The GPU must be done with it; views of it must be destroyed first.</summary>
    public void Destroy(GpuAllocator allocator)
    {
        allocator.Device.Commands.vkDestroyImage(allocator.Device.Handle, Handle, null);
        allocator.Free(Allocation);
    }
}
