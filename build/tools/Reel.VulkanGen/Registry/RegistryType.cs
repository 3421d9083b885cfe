using System.Collections.Generic;

namespace Reel.VulkanGen.Registry;

/// <summary>One &lt;type&gt; of vk.xml or video.xml, reduced to what the emitters need.</summary>
internal sealed class RegistryType
{
    /// <summary>The C name (VkBufferCreateInfo, StdVideoH264SpsFlags).</summary>
    public required string Name { get; init; }

    /// <summary>What kind of type it is.</summary>
    public required TypeCategory Category { get; init; }

    /// <summary>"vk.xml" or "video.xml": where the type is defined.</summary>
    public required string Source { get; init; }

    /// <summary>The type this name is an alias of (promoted KHR/EXT names), or null.</summary>
    public string? Alias { get; init; }

    /// <summary>Members of a struct or union, in declaration order.</summary>
    public IReadOnlyList<CDeclaration> Members { get; init; } = [];

    /// <summary>Return type of a function pointer (its &lt;proto&gt;).</summary>
    public CDeclaration? Proto { get; init; }

    /// <summary>Parameters of a function pointer.</summary>
    public IReadOnlyList<CDeclaration> Parameters { get; init; } = [];

    /// <summary>Handles: VK_DEFINE_HANDLE (pointer-sized) rather than VK_DEFINE_NON_DISPATCHABLE_HANDLE (64-bit).</summary>
    public bool Dispatchable { get; init; }

    /// <summary>Bitmasks: the FlagBits enum naming the bits (requires or bitvalues attribute), if any.</summary>
    public string? FlagBits { get; init; }

    /// <summary>Bitmasks: VkFlags (32) or VkFlags64 (64).</summary>
    public int BitWidth { get; init; } = 32;

    /// <summary>Basetypes: the C type of the typedef (uint32_t for VkBool32); null for opaque platform structs.</summary>
    public CDeclaration? Underlying { get; init; }

    /// <summary>Defines: the macro text after the name (e.g. "VK_MAKE_API_VERSION(0, 1, 3, 0)").</summary>
    public string? DefineText { get; init; }

    /// <summary>The registry's comment attribute.</summary>
    public string? Comment { get; init; }
}
