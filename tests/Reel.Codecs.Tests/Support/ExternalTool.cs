using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Reel.Codecs.Tests.Support;

/// <summary>Runs the installed command-line tools (ffprobe, dav1d, ffmpeg, cc) as processes.</summary>
internal static class ExternalTool
{
    /// <summary>What a finished process left.</summary>
    internal sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; fails the test if it does not end within the timeout.</summary>
    public static Outcome Run(string file, params string[] arguments) => RunWithTimeout(TimeSpan.FromSeconds(120), file, arguments);

    /// <summary>Runs a process with a deadline.</summary>
    public static Outcome RunWithTimeout(TimeSpan timeout, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Finds a program on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>A program that must be installed (build/bootstrap.sh installs them); fails the test otherwise.</summary>
    public static string Require(string name)
        => Find(name) ?? throw new AssertionException($"{name} is not installed; build/bootstrap.sh installs it");
}
