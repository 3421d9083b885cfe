using Reel.Backends;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Dpb;

/// <summary>A DPB to create, after the C API edge checked the ranges.</summary>
internal sealed class DpbOptions
{
    /// <summary>Most slots a DPB may have.</summary>
    public const uint MaxSlots = 64;

    /// <summary>The picture format; VK_FORMAT_UNDEFINED for a video DPB takes the driver's first.</summary>
    public Format Format { get; init; }

    /// <summary>Picture width in pixels.</summary>
    public uint Width { get; init; }

    /// <summary>Picture height in pixels.</summary>
    public uint Height { get; init; }

    /// <summary>Slots, 1 to <see cref="MaxSlots"/>.</summary>
    public uint SlotCount { get; init; }

    /// <summary>Image usage; 0 = the default (video: the DPB usage of the operation; otherwise transfer and sampled).</summary>
    public ImageUsageFlags Usage { get; init; }

    /// <summary>The codec operation the DPB serves, or None for plain images.</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>Video DPB: 8 or 10 (0 = 8).</summary>
    public uint BitDepth { get; init; }

    /// <summary>One image per slot instead of one image with a layer per slot (video: needs SEPARATE_REFERENCE_IMAGES).</summary>
    public bool SeparateImages { get; init; }
}
