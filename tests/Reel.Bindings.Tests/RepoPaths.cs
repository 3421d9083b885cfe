using System;
using System.IO;

namespace Reel.Bindings.Tests;

/// <summary>Where the repository and build/build.sh's artifacts are, seen from the test assembly.</summary>
internal static class RepoPaths
{
    /// <summary>The directory holding Engine.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>libreel.so under test; REEL_LIBRARY overrides (e.g. an installed copy).</summary>
    public static string Library =>
        Environment.GetEnvironmentVariable("REEL_LIBRARY") is { Length: > 0 } path ? path : Path.Combine(Artifacts, "lib", "libreel.so");

    public static string Header => Path.Combine(Root, "include", "reel.h");

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
