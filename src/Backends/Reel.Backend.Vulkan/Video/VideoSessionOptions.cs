using Reel.Backends;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Video;

/// <summary>A video session to create; zero fields take the documented defaults.</summary>
internal sealed class VideoSessionOptions
{
    /// <summary>The codec operation (one of the six Reel knows).</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>8 or 10; 0 means 8.</summary>
    public uint BitDepth { get; init; }

    /// <summary>Largest coded width the session handles.</summary>
    public uint MaxWidth { get; init; }

    /// <summary>Largest coded height the session handles.</summary>
    public uint MaxHeight { get; init; }

    /// <summary>DPB slots; 0 = the driver's maximum.</summary>
    public uint MaxDpbSlots { get; init; }

    /// <summary>Active references per picture; 0 = the smaller of the driver's maximum and the DPB slots.</summary>
    public uint MaxActiveReferences { get; init; }

    /// <summary>The picture format; VK_FORMAT_UNDEFINED = the first the driver lists for the profile.</summary>
    public Format PictureFormat { get; init; }

    /// <summary>The reference (DPB) format; VK_FORMAT_UNDEFINED = the first the driver lists.</summary>
    public Format ReferenceFormat { get; init; }
}
