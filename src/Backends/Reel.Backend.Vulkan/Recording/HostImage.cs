using Reel.Codecs.Frames;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// The host's image to record (<c>reel_vk_image_t</c> after the C edge read it): the VkImage and
/// the VkDevice it was made on, its size, format, the layout and owning queue family it has
/// once <see cref="Wait"/> is reached, the timeline point to wait for before reading it, the
/// point Reel signals when the host may reuse it, and how long the call may wait for a slot.
/// </summary>
internal readonly record struct HostImage
{
    /// <summary>The VkDevice the image was created on.</summary>
    public nint Device { get; init; }

    /// <summary>The VkImage.</summary>
    public Image Image { get; init; }

    /// <summary>Pixels.</summary>
    public int Width { get; init; }

    /// <summary>Rows.</summary>
    public int Height { get; init; }

    /// <summary>Its format.</summary>
    public Format Format { get; init; }

    /// <summary>Its layout when <see cref="Wait"/> is reached; Reel leaves it in this layout.</summary>
    public ImageLayout Layout { get; init; }

    /// <summary>The queue family owning it; VK_QUEUE_FAMILY_IGNORED for a concurrent image.</summary>
    public uint QueueFamily { get; init; }

    /// <summary>The timeline point that makes the image readable; none when it is ready now.</summary>
    public TimelinePoint Wait { get; init; }

    /// <summary>The timeline point Reel signals once it no longer reads the image; none when not asked.</summary>
    public TimelinePoint Signal { get; init; }

    /// <summary>How long the call may wait for a free frame slot, in nanoseconds.</summary>
    public ulong TimeoutNanoseconds { get; init; }
}
