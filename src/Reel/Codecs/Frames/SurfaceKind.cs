namespace Reel.Codecs.Frames;

/// <summary>
/// The kind of GPU object a <see cref="GpuSurface"/> names. Each hardware backend reads the
/// kinds it knows and refuses the others; adding a platform adds a member here, not a new
/// frame type.
/// </summary>
public enum SurfaceKind
{
    /// <summary>No surface (a CPU frame).</summary>
    None = 0,
    /// <summary>A VkImage of a VkDevice (reel_vulkan.h).</summary>
    VulkanImage = 1,
    /// <summary>A VASurfaceID of a VADisplay (VA-API; not produced yet).</summary>
    VaSurface = 2,
    /// <summary>An ID3D11Texture2D array slice (Windows; not produced yet).</summary>
    D3D11Texture = 3,
    /// <summary>A CVPixelBufferRef (Apple; not produced yet).</summary>
    CvPixelBuffer = 4,
}
