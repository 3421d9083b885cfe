using System;
using System.IO;

namespace Reel.Vulkan.Tests.Support;

/// <summary>Where the repository's generator inputs and outputs are, seen from the test assembly.</summary>
internal static class RepoPaths
{
    /// <summary>The directory holding Engine.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>vk.xml and video.xml.</summary>
    public static string Registry => Path.Combine(Root, "build", "tools", "vulkan-registry");

    /// <summary>The generator's selection file.</summary>
    public static string Selection => Path.Combine(Root, "build", "tools", "Reel.VulkanGen", "selection.txt");

    /// <summary>The committed generated bindings.</summary>
    public static string Generated => Path.Combine(Root, "src", "Backends", "Reel.Backend.Vulkan", "Generated");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Engine.sln above {AppContext.BaseDirectory}");
    }
}
