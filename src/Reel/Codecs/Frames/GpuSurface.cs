namespace Reel.Codecs.Frames;

/// <summary>
/// A picture that lives on a GPU, described without any GPU API type so that sessions, the
/// encoder pool, the movie writer and the frame cache can carry it unchanged: the backend that
/// owns <see cref="Kind"/> interprets the handles. For <see cref="SurfaceKind.VulkanImage"/>:
/// <see cref="Device"/> is the VkDevice, <see cref="Image"/> the VkImage, <see cref="Format"/>
/// a VkFormat, <see cref="Layout"/> the VkImageLayout the image is in when <see cref="Wait"/>
/// completes, <see cref="QueueFamily"/> the family that owns it then; the reader signals
/// <see cref="Signal"/> when it no longer reads the image (the host may then reuse it).
/// A struct, so that handing a surface on allocates nothing.
/// </summary>
public readonly record struct GpuSurface
{
    /// <summary>What the handles mean.</summary>
    public SurfaceKind Kind { get; init; }

    /// <summary>The device (or display) the surface belongs to.</summary>
    public ulong Device { get; init; }

    /// <summary>The image, surface id, texture or pixel buffer.</summary>
    public ulong Image { get; init; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>The backend's pixel format code (VkFormat for Vulkan).</summary>
    public int Format { get; init; }

    /// <summary>The backend's layout or state code (VkImageLayout for Vulkan).</summary>
    public uint Layout { get; init; }

    /// <summary>The queue family that owns the surface when <see cref="Wait"/> completes.</summary>
    public uint QueueFamily { get; init; }

    /// <summary>Wait for this before reading; <see cref="TimelinePoint.None"/> when the surface is ready.</summary>
    public TimelinePoint Wait { get; init; }

    /// <summary>Signalled once the reader is done with the surface; <see cref="TimelinePoint.None"/> when the host does not ask.</summary>
    public TimelinePoint Signal { get; init; }
}
