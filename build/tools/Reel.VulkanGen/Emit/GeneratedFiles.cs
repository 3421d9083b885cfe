using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// The generated output: relative path ('/'-separated) to content. Writes a directory so
/// that it holds exactly these files (stale *.cs removed), or compares a directory with it.
/// </summary>
internal sealed class GeneratedFiles
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>Adds one file; a path may be added once.</summary>
    public void Add(string relativePath, string content)
    {
        if (!_files.TryAdd(relativePath, content))
            throw new InvalidOperationException($"two generated files are named {relativePath}");
    }

    /// <summary>Writes every file whose bytes differ, deletes *.cs files that are no longer generated, returns (written, deleted).</summary>
    public (int Written, int Deleted) WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        int written = 0;
        foreach (var (path, content) in _files)
        {
            string full = Path.Combine(directory, path);
            byte[] bytes = s_utf8.GetBytes(content);
            if (File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            written++;
        }
        int deleted = 0;
        foreach (string stale in Existing(directory).Where(p => !_files.ContainsKey(p)))
        {
            File.Delete(Path.Combine(directory, stale));
            deleted++;
        }
        foreach (string folder in Directory.GetDirectories(directory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }
        return (written, deleted);
    }

    /// <summary>What differs between <paramref name="directory"/> and this output: "changed X", "missing X", "stale X".</summary>
    public IReadOnlyList<string> Compare(string directory)
    {
        var findings = new List<string>();
        HashSet<string> existing = Directory.Exists(directory) ? Existing(directory).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (path, content) in _files)
        {
            if (!existing.Contains(path))
                findings.Add($"missing {path}");
            else if (!File.ReadAllBytes(Path.Combine(directory, path)).AsSpan().SequenceEqual(s_utf8.GetBytes(content)))
                findings.Add($"changed {path}");
        }
        findings.AddRange(existing.Where(p => !_files.ContainsKey(p)).Order(StringComparer.Ordinal).Select(p => $"stale {p}"));
        return findings;
    }

    /// <summary>The *.cs files under <paramref name="directory"/>, as relative '/'-separated paths.</summary>
    private static IEnumerable<string> Existing(string directory) =>
        Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'));
}
