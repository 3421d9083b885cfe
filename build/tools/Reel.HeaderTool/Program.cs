using System;
using System.Collections.Generic;
using System.IO;
using Reel.HeaderTool.Check;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.HeaderTool;

/// <summary>
/// reel-header-tool check    --header H --assembly libreel.dll [--exports F] [--library libreel.so]
/// reel-header-tool generate --header H --output F [--verify]
/// Exit code 0: consistent / written; 1: drift found / generated file differs; 2: usage or tool error.
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

    private static int RunCheck(Dictionary<string, string> options)
    {
        HeaderModel header = HeaderParser.Parse(Required(options, "header"));
        ManagedContract managed = ManagedContract.Load(Required(options, "assembly"));
        IReadOnlyList<string>? exports = options.TryGetValue("exports", out string? file) ? ExportedSymbols.FromExportsFile(file) : null;
        var library = options.TryGetValue("library", out string? so) ? ExportedSymbols.FromLibrary(so) : null;
        IReadOnlyList<string> findings = ContractChecker.Check(header, managed, exports, library);
        if (findings.Count == 0)
        {
            Console.WriteLine($"reel-header-tool: reel.h and libreel agree: {header.Functions.Count} functions, " +
                $"{header.Structs.Count} structs, {header.Enums.Count} enums, {header.Callbacks.Count} callbacks, {header.Handles.Count} handle types");
            return 0;
        }
        Console.Error.WriteLine($"reel-header-tool: reel.h and libreel have drifted apart ({findings.Count}):");
        foreach (string finding in findings)
            Console.Error.WriteLine("  - " + finding);
        return 1;
    }

    private static int RunGenerate(Dictionary<string, string> options)
    {
        string headerPath = Required(options, "header");
        string output = Required(options, "output");
        string text = DotNetBindingsGenerator.Generate(HeaderParser.Parse(headerPath), Path.GetFileName(headerPath));
        if (options.ContainsKey("verify"))
        {
            string existing = File.Exists(output) ? File.ReadAllText(output) : "";
            if (existing == text)
            {
                Console.WriteLine($"reel-header-tool: {output} is current");
                return 0;
            }
            Console.Error.WriteLine($"reel-header-tool: {output} differs from what {headerPath} generates; run build/tools/generate-bindings.sh");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text);
        Console.WriteLine($"reel-header-tool: wrote {output}");
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument {args[i]}");
            string key = args[i][2..];
            bool isFlag = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[key] = isFlag ? "" : args[++i];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw new ArgumentException($"--{key} is required");

    private static int Usage()
    {
        Console.Error.WriteLine("usage: reel-header-tool check --header reel.h --assembly libreel.dll [--exports libreel.exports] [--library libreel.so]");
        Console.Error.WriteLine("       reel-header-tool generate --header reel.h --output Reel.Interop.g.cs [--verify]");
        return 2;
    }
}
