using System;
using System.Collections.Generic;
using System.Linq;

namespace Reel.HeaderTool.Generate;

/// <summary>Turns C doc comments (/** */, /*! */, /**&lt; */, ///) into C# XML doc lines.</summary>
public static class DocComments
{
    /// <summary>The comment as "/// &lt;summary&gt;...&lt;/summary&gt;" lines, indented; empty if there is none.</summary>
    public static IEnumerable<string> ToXml(string? raw, string indent)
    {
        List<string> lines = Clean(raw);
        if (lines.Count == 0)
            yield break;
        yield return $"{indent}/// <summary>";
        foreach (string line in lines)
            yield return $"{indent}/// {Escape(line)}".TrimEnd();
        yield return $"{indent}/// </summary>";
    }

    /// <summary>Escapes what XML doc comments cannot hold literally (quotes and apostrophes can stay).</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The text of a comment without its markers, one entry per line.</summary>
    public static List<string> Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        var lines = new List<string>();
        foreach (string rawLine in raw.Replace("\r", "").Split('\n'))
        {
            string line = rawLine.Trim();
            foreach (string marker in new[] { "/**<", "/*!<", "///<", "/**", "/*!", "///", "//!" })
            {
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    line = line[marker.Length..];
                    break;
                }
            }
            if (line.EndsWith("*/", StringComparison.Ordinal))
                line = line[..^2];
            line = line.TrimEnd();
            if (line.StartsWith("* ", StringComparison.Ordinal) || line == "*")
                line = line[1..];
            lines.Add(line.StartsWith(' ') ? line[1..] : line);
        }
        // Drop blank lines at either end, keep paragraph breaks inside.
        while (lines.Count > 0 && lines[0].Trim().Length == 0)
            lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
            lines.RemoveAt(lines.Count - 1);
        int common = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return lines.Select(l => l.Length >= common ? l[common..] : l.TrimStart()).ToList();
    }
}
