using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Reel.HeaderTool.Check;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.HeaderTool;

/// <summary>
/// reel-header-tool check    --header reel.h [--header reel_vulkan.h ...] --assembly libreel.dll [--exports F] [--library libreel.so]
/// reel-header-tool generate --header reel.h [--header reel_vulkan.h ...] [--output-dir DIR] [--mirrors-dir DIR] [--verify]
/// (--output-dir: the .NET bindings, one file per header; --mirrors-dir: the export layer's
/// struct mirrors, one file per C struct; at least one of them.)
/// Headers are given in include order: reel.h first, then the backend headers that include it.
/// Exit code 0: consistent / written; 1: drift found / a generated file differs; 2: usage or tool error.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
                return Usage();
            var options = ParseOptions(args[1..]);
            return args[0] switch
            {
                "check" => RunCheck(options),
                "generate" => RunGenerate(options),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or DllNotFoundException)
        {
            Console.Error.WriteLine($"reel-header-tool: {e.Message}");
            return 2;
        }
    }

    private static int RunCheck(Dictionary<string, List<string>> options)
    {
        HeaderModel header = HeaderParser.Parse([.. Required(options, "header")]);
        ManagedContract managed = ManagedContract.Load(Single(options, "assembly"));
        IReadOnlyList<string>? exports = options.TryGetValue("exports", out var file) ? ExportedSymbols.FromExportsFile(file[^1]) : null;
        var library = options.TryGetValue("library", out var so) ? ExportedSymbols.FromLibrary(so[^1]) : null;
        IReadOnlyList<string> findings = ContractChecker.Check(header, managed, exports, library);
        if (findings.Count == 0)
        {
            Console.WriteLine($"reel-header-tool: {string.Join(" and ", header.Headers)} agree with libreel:");
            foreach (string name in header.Headers)
                Console.WriteLine("  " + Coverage(header.Only(name)));
            return 0;
        }
        Console.Error.WriteLine($"reel-header-tool: {string.Join(" and ", header.Headers)} and libreel have drifted apart ({findings.Count}):");
        foreach (string finding in findings)
            Console.Error.WriteLine("  - " + finding);
        return 1;
    }

    /// <summary>What the check covered in one header, e.g. "reel.h: 96 functions, 40 structs, ...".</summary>
    public static string Coverage(HeaderModel header) =>
        $"{header.HeaderNames}: {header.Functions.Count} functions, {header.Structs.Count} structs, {header.Enums.Count} enums, " +
        $"{header.Callbacks.Count} callbacks, {header.Handles.Count} handle types";

    private static int RunGenerate(Dictionary<string, List<string>> options)
    {
        HeaderModel headers = HeaderParser.Parse([.. Required(options, "header")]);
        bool verify = options.ContainsKey("verify");
        bool bindings = options.ContainsKey("output-dir"), mirrors = options.ContainsKey("mirrors-dir");
        if (!bindings && !mirrors)
            throw new ArgumentException("--output-dir or --mirrors-dir is required");
        int result = 0;
        if (bindings)
        {
            string directory = Single(options, "output-dir");
            var files = headers.Headers.ToDictionary(
                name => Path.Combine(directory, DotNetBindingsGenerator.FileName(name)),
                name => DotNetBindingsGenerator.Generate(headers, name));
            result = Math.Max(result, GeneratedFiles.WriteOrVerify(files, directory, "*.g.cs", verify, "build/tools/generate-bindings.sh"));
        }
        if (mirrors)
        {
            string directory = Single(options, "mirrors-dir");
            var files = MirrorsGenerator.Generate(headers).ToDictionary(f => Path.Combine(directory, f.Key), f => f.Value);
            result = Math.Max(result, GeneratedFiles.WriteOrVerify(files, directory, "*.g.cs", verify, "build/tools/generate-bindings.sh"));
        }
        return result;
    }

    private static Dictionary<string, List<string>> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument {args[i]}");
            string key = args[i][2..];
            bool isFlag = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (!options.TryGetValue(key, out List<string>? values))
                options[key] = values = [];
            values.Add(isFlag ? "" : args[++i]);
        }
        return options;
    }

    private static List<string> Required(Dictionary<string, List<string>> options, string key) =>
        options.TryGetValue(key, out List<string>? values) && values.All(v => v.Length > 0)
            ? values
            : throw new ArgumentException($"--{key} is required");

    private static string Single(Dictionary<string, List<string>> options, string key)
    {
        List<string> values = Required(options, key);
        return values.Count == 1 ? values[0] : throw new ArgumentException($"--{key} is given {values.Count} times; give it once");
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: reel-header-tool check --header reel.h [--header reel_vulkan.h] --assembly libreel.dll [--exports libreel.exports] [--library libreel.so]");
        Console.Error.WriteLine("       reel-header-tool generate --header reel.h [--header reel_vulkan.h] [--output-dir DIR] [--mirrors-dir DIR] [--verify]");
        return 2;
    }
}
