using System.Collections.Generic;

namespace Reel.VulkanGen.Registry;

/// <summary>An &lt;enums&gt; block: an enum, a FlagBits bitmask or the API constants.</summary>
internal sealed class EnumGroup
{
    /// <summary>The enum's C name (VkResult), or "API Constants".</summary>
    public required string Name { get; init; }

    /// <summary>"enum", "bitmask" or "constants".</summary>
    public required string Kind { get; init; }

    /// <summary>32, or 64 for VkFlags64 bit enums.</summary>
    public required int BitWidth { get; init; }

    /// <summary>"vk.xml" or "video.xml".</summary>
    public required string Source { get; init; }

    /// <summary>The values declared in the block itself, in registry order.</summary>
    public required IReadOnlyList<EnumValue> Values { get; init; }

    public bool IsBitmask => Kind == "bitmask";
}
