using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NUnit.Framework;

namespace Reel.Codecs.Tests.Support;

/// <summary>Compiles and runs a small C program with the system compiler.</summary>
internal static class CProgram
{
    /// <summary>
    /// Compiles <paramref name="source"/> with cc (or clang) and <paramref name="flags"/>, runs
    /// it, and parses each output line "name value" into a dictionary.
    /// </summary>
    public static Dictionary<string, long> RunAndParse(string source, params string[] flags)
    {
        using var directory = new TempDirectory();
        string file = directory.File("probe.c");
        string binary = directory.File("probe");
        File.WriteAllText(file, source);
        string compiler = ExternalTool.Find("cc") ?? ExternalTool.Require("clang");
        var arguments = new List<string>(flags) { "-o", binary, file };
        ExternalTool.Outcome compiled = ExternalTool.Run(compiler, arguments.ToArray());
        Assert.That(compiled.ExitCode, Is.Zero, $"compiling the probe failed: {compiled}");
        ExternalTool.Outcome ran = ExternalTool.Run(binary);
        Assert.That(ran.ExitCode, Is.Zero, $"the probe failed: {ran}");
        var values = new Dictionary<string, long>();
        foreach (string line in ran.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            values[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return values;
    }
}
