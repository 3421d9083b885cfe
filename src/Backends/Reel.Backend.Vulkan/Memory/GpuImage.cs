using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>A VkImage bound to memory from a <see cref="GpuAllocator"/>, with what it was created as.</summary>
internal sealed unsafe class GpuImage
{
    /// <summary>Wraps a created and bound image.</summary>
    public GpuImage(Image handle, in ImageCreateInfo info, GpuAllocation allocation)
    {
        Handle = handle;
        Format = info.Format;
        Extent = info.Extent;
        ArrayLayers = info.ArrayLayers;
        MipLevels = info.MipLevels;
        Usage = info.Usage;
        Tiling = info.Tiling;
        Allocation = allocation;
    }

    /// <summary>The image.</summary>
    public Image Handle { get; }

    /// <summary>Its format.</summary>
    public Format Format { get; }

    /// <summary>Its extent (depth 1 for 2D images).</summary>
    public Extent3D Extent { get; }

    /// <summary>Its array layers.</summary>
    public uint ArrayLayers { get; }

    /// <summary>Its mip levels.</summary>
    public uint MipLevels { get; }

    /// <summary>Its usage.</summary>
    public ImageUsageFlags Usage { get; }

    /// <summary>Optimal or linear.</summary>
    public ImageTiling Tiling { get; }

    /// <summary>Its memory.</summary>
    public GpuAllocation Allocation { get; }

    /// <summary>Destroys the image, then frees its memory. The GPU must be done with it; views of it must be destroyed first.</summary>
    public void Destroy(GpuAllocator allocator)
    {
        allocator.Device.Vk.DestroyImage(allocator.Device.Handle, Handle, null);
        allocator.Free(Allocation);
    }
}
