using System;
using System.IO;
using NUnit.Framework;
using Reel.Backend.FFmpeg;
using Reel.Backends;



/// <summary>
/// The test host is not libreel, so the shim is not "beside" it: point REEL_FFMPEG_LIBRARY at
/// the copy build/build.sh wrote (unless the environment names one), and register the backend
/// as src/Reel.Native does. Runs once before any test of the namespace.
/// </summary>
[SetUpFixture]
public sealed class ShimSetup
{
    /// <summary>artifacts/lib/libreel_ffmpeg.so.0 of this checkout.</summary>
    public static string BuiltShim => Path.Combine(RepoRoot, "artifacts", "lib", "libreel_ffmpeg.so.0");

    /// <summary>The directory holding Engine.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"no Engine.sln above {AppContext.BaseDirectory}");
        }
    }

    [OneTimeSetUp]
    public void PointAtBuiltShim()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FFmpegBackend.LibraryVariable)))
            Environment.SetEnvironmentVariable(FFmpegBackend.LibraryVariable, BuiltShim);
        BackendRegistry.Register(new FFmpegBackend());
    }
}
