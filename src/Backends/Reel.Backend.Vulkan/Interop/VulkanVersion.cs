using Silk.NET.Core;

namespace Reel.Vulkan.Interop;

/// <summary>Vulkan's packed API versions (VK_MAKE_API_VERSION: variant 3 bits, major 7, minor 10, patch 12): their parts, and the versions Reel compares against.</summary>
public static class VulkanVersion
{
    /// <summary>VK_API_VERSION_1_0.</summary>
    public static readonly uint V1_0 = new Version32(1, 0, 0);

    /// <summary>VK_API_VERSION_1_1: the least Reel runs on.</summary>
    public static readonly uint V1_1 = new Version32(1, 1, 0);

    /// <summary>VK_API_VERSION_1_2: timeline semaphores and hostQueryReset are core.</summary>
    public static readonly uint V1_2 = new Version32(1, 2, 0);

    /// <summary>VK_API_VERSION_1_3: synchronization2 is core; the default Reel asks for.</summary>
    public static readonly uint V1_3 = new Version32(1, 3, 0);

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
