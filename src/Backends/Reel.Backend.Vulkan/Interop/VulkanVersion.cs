namespace Reel.Vulkan.Interop;

/// <summary>The VK_MAKE_API_VERSION packing (variant 3 bits, major 7, minor 10, patch 12) and its parts.</summary>
public static class VulkanVersion
{
    /// <summary>VK_MAKE_API_VERSION(variant, major, minor, patch).</summary>
    public static uint Make(uint variant, uint major, uint minor, uint patch) => (variant << 29) | (major << 22) | (minor << 12) | patch;

    /// <summary>VK_API_VERSION_MAJOR.</summary>
    public static uint Major(uint version) => (version >> 22) & 0x7F;

    /// <summary>VK_API_VERSION_MINOR.</summary>
    public static uint Minor(uint version) => (version >> 12) & 0x3FF;

    /// <summary>VK_API_VERSION_PATCH.</summary>
    public static uint Patch(uint version) => version & 0xFFF;

    /// <summary>The version without its patch, for comparisons of feature levels.</summary>
    public static uint WithoutPatch(uint version) => version & ~0xFFFu;

    /// <summary>"1.3.230".</summary>
    public static string Format(uint version) => $"{Major(version)}.{Minor(version)}.{Patch(version)}";
}
