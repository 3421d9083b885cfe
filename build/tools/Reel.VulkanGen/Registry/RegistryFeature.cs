using System.Collections.Generic;

namespace Reel.VulkanGen.Registry;

/// <summary>A &lt;feature&gt; (a core version, e.g. VK_BASE_VERSION_1_3) or an &lt;extension&gt;.</summary>
internal sealed class RegistryFeature
{
    /// <summary>VK_VERSION_1_3, VK_KHR_video_queue, vulkan_video_codec_h264std.</summary>
    public required string Name { get; init; }

    /// <summary>True for an &lt;extension&gt;, false for a core version &lt;feature&gt;.</summary>
    public required bool IsExtension { get; init; }

    /// <summary>Core versions: the version number ("1.3"); extensions: null.</summary>
    public string? Version { get; init; }

    /// <summary>Extensions: "instance" or "device"; null for core versions and video.xml.</summary>
    public string? ExtensionType { get; init; }

    /// <summary>Extensions: the registered number (the base of offset-encoded enumerants).</summary>
    public int Number { get; init; }

    /// <summary>The supported attribute ("vulkan", "vulkan,vulkansc", "disabled").</summary>
    public string? Supported { get; init; }

    /// <summary>"vk.xml" or "video.xml".</summary>
    public required string Source { get; init; }

    /// <summary>Its &lt;require&gt; blocks for the vulkan API.</summary>
    public required IReadOnlyList<RequireBlock> Requires { get; init; }
}
