using System;
using System.IO;

namespace Reel.Native.Tests;

/// <summary>Where the repository and build/build.sh's artifacts are, seen from the test assembly.</summary>
internal static class RepoPaths
{
    /// <summary>The directory holding Engine.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Header => Path.Combine(Root, "include", "reel.h");

    public static string VulkanHeader => Path.Combine(Root, "include", "reel_vulkan.h");

    /// <summary>Every public header, in include order (what the drift check and the generators read).</summary>
    public static string[] Headers => [Header, VulkanHeader];

    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>libreel.so under test; REEL_LIBRARY overrides (e.g. an installed copy).</summary>
    public static string Library =>
        Environment.GetEnvironmentVariable("REEL_LIBRARY") is { Length: > 0 } path ? path : Path.Combine(Artifacts, "lib", "libreel.so");

    /// <summary>The IL of libreel's exports, published beside it for the drift check.</summary>
    public static string ContractAssembly => Path.Combine(Artifacts, "contract", "libreel.dll");

    /// <summary>ILC's version script listing libreel's exports.</summary>
    public static string ExportsFile => Path.Combine(Artifacts, "contract", "libreel.exports");

    /// <summary>The folder of the export layer's C struct mirrors generated from the headers.</summary>
    public static string GeneratedMirrors => Path.Combine(Root, "src", "Reel.Native", "Generated");

    /// <summary>The folder of the .NET bindings generated from the headers.</summary>
    public static string GeneratedBindings => Path.Combine(Root, "bindings", "dotnet", "Reel.Interop", "Generated");

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
