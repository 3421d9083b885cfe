using System.Collections.Generic;

namespace Reel.VulkanGen.Registry;

/// <summary>One &lt;command&gt;: a prototype and parameters, or an alias of another command.</summary>
internal sealed class RegistryCommand
{
    /// <summary>The command's C name.</summary>
    public required string Name { get; init; }

    /// <summary>The command this name aliases (vkCmdPipelineBarrier2KHR → vkCmdPipelineBarrier2), or null.</summary>
    public string? Alias { get; init; }

    /// <summary>The return type and name; null for aliases.</summary>
    public CDeclaration? Proto { get; init; }

    /// <summary>The parameters, for the vulkan API (Vulkan SC variants dropped).</summary>
    public IReadOnlyList<CDeclaration> Parameters { get; init; } = [];
}
