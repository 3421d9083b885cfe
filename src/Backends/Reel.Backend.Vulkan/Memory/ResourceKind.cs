namespace Reel.Vulkan.Memory;

/// <summary>
/// How a resource's memory is laid out, for bufferImageGranularity: linear resources (buffers,
/// LINEAR images) and optimal (tiled) images must not share a granularity page.
/// </summary>
internal enum ResourceKind
{
    /// <summary>Buffers and images with VK_IMAGE_TILING_LINEAR.</summary>
    Linear,
    /// <summary>Images with VK_IMAGE_TILING_OPTIMAL (and video session memory, whose layout is unknown).</summary>
    Optimal,
}
