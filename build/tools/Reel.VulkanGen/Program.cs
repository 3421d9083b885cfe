using System;
using System.Collections.Generic;
using System.IO;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen;

/// <summary>
/// reel-vulkangen --registry DIR --selection FILE --output DIR [--verify]
/// Exit code 0: written / current; 1: --verify found differences; 2: usage, registry or selection error.
/// </summary>
public static class Program
{
    /// <summary>Generates (or, with --verify, checks) the output directory.</summary>
    public static int Main(string[] args)
    {
        try
        {
            var options = ParseOptions(args);
            string registry = Required(options, "registry");
            string selection = Required(options, "selection");
            string output = Required(options, "output");
            var files = VulkanGenerator.GenerateFiles(registry, selection);
            if (options.ContainsKey("verify"))
            {
                IReadOnlyList<string> findings = files.Compare(output);
                if (findings.Count == 0)
                {
                    Console.WriteLine($"reel-vulkangen: {output} is current ({files.Files.Count} files)");
                    return 0;
                }
                Console.Error.WriteLine($"reel-vulkangen: {output} differs from what the registry and {selection} generate ({findings.Count}); run build/tools/generate-vulkan.sh:");
                foreach (string finding in findings)
                    Console.Error.WriteLine("  - " + finding);
                return 1;
            }
            var (written, deleted) = files.WriteTo(output);
            Console.WriteLine($"reel-vulkangen: {files.Files.Count} files in {output} ({written} written, {deleted} stale deleted)");
            return 0;
        }
        catch (Exception e) when (e is RegistryException or IOException or ArgumentException or System.Xml.XmlException)
        {
            Console.Error.WriteLine($"reel-vulkangen: {e.Message}");
            return 2;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument {args[i]}; usage: reel-vulkangen --registry DIR --selection FILE --output DIR [--verify]");
            string key = args[i][2..];
            bool isFlag = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[key] = isFlag ? "" : args[++i];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw new ArgumentException($"--{key} is required; usage: reel-vulkangen --registry DIR --selection FILE --output DIR [--verify]");
}
