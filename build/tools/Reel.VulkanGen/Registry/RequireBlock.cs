using System.Collections.Generic;

namespace Reel.VulkanGen.Registry;

/// <summary>One &lt;require&gt; of a feature or extension: what it adds, and the extra condition (depends) it is under.</summary>
internal sealed class RequireBlock
{
    /// <summary>The depends expression of the block ("VK_KHR_x+VK_VERSION_1_1"), or null when unconditional.</summary>
    public string? Depends { get; init; }

    /// <summary>Types the block requires.</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>Commands the block requires (canonical names or aliases).</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    /// <summary>Enumerants the block defines: additions to enums (Extends set) and constants (Extends null).</summary>
    public required IReadOnlyList<EnumValue> Enums { get; init; }
}
