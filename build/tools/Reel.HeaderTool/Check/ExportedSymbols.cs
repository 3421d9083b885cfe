using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Reel.HeaderTool.Check;

/// <summary>The exported symbols of libreel, from ILC's exports file and from the built library.</summary>
public static class ExportedSymbols
{
    /// <summary>
    /// Names in the global section of the version script ILC writes
    /// (obj/.../native/libreel.exports): "{ global: a; b; local: *; };".
    /// </summary>
    public static IReadOnlyList<string> FromExportsFile(string path)
    {
        var names = new List<string>();
        bool inGlobal = false;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith("global:", StringComparison.Ordinal))
            {
                inGlobal = true;
                line = line["global:".Length..].Trim();
            }
            else if (line.StartsWith("local:", StringComparison.Ordinal))
            {
                inGlobal = false;
            }
            if (inGlobal && line.EndsWith(';'))
                names.Add(line.TrimEnd(';').Trim());
        }
        return names;
    }

    /// <summary>One defined dynamic symbol of the library.</summary>
    public sealed record DynamicSymbol(string Name, char Kind)
    {
        /// <summary>Whether nm's kind letter says this is code.</summary>
        public bool IsFunction => Kind is 'T' or 't' or 'W' or 'i';
    }

    /// <summary>What <c>nm -D --defined-only</c> lists for <paramref name="library"/>.</summary>
    public static IReadOnlyList<DynamicSymbol> FromLibrary(string library)
    {
        var start = new ProcessStartInfo("nm", ["-D", "--defined-only", library])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process nm = Process.Start(start) ?? throw new InvalidOperationException("could not start nm");
        string output = nm.StandardOutput.ReadToEnd();
        string error = nm.StandardError.ReadToEnd();
        nm.WaitForExit();
        if (nm.ExitCode != 0)
            throw new InvalidOperationException($"nm -D --defined-only {library} failed: {error}");
        var symbols = new List<DynamicSymbol>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
                continue;
            string name = parts[^1];
            int version = name.IndexOf('@');
            symbols.Add(new DynamicSymbol(version < 0 ? name : name[..version], parts[^2][0]));
        }
        return symbols;
    }
}
