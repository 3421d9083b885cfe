using System;
using System.Collections.Generic;
using System.IO;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>
/// selection.txt: what the backend uses, one "kind name" per line, '#' starts a comment.
/// <code>
/// extension VK_KHR_video_queue          # enumerants, constants and commands of this extension are in scope
/// command   vkCreateBuffer              # goes into a loader table; its parameter types are reached
/// type      VkPhysicalDeviceVulkan13Features   # reached only through pNext chains or as values
/// constant  VK_WHOLE_SIZE               # an API constant no emitted type refers to
/// </code>
/// Core versions (VK_VERSION_1_0 .. 1_4) are always in scope.
/// </summary>
internal sealed class SelectionFile
{
    /// <summary>The extension lines.</summary>
    public List<Entry> Extensions { get; } = new();

    /// <summary>The command lines.</summary>
    public List<Entry> Commands { get; } = new();

    /// <summary>The type lines.</summary>
    public List<Entry> Types { get; } = new();

    /// <summary>The constant lines.</summary>
    public List<Entry> Constants { get; } = new();

    /// <summary>One selected name and where it was written, for messages.</summary>
    public sealed record Entry(string Name, int Line);

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static SelectionFile Read(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    /// <summary>Parses <paramref name="lines"/>; messages name <paramref name="fileName"/> and the line.</summary>
    public static SelectionFile Parse(IReadOnlyList<string> lines, string fileName)
    {
        var selection = new SelectionFile();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            string where = $"{fileName}:{i + 1}";
            if (words.Length != 2)
                throw new RegistryException($"{where}: expected \"kind name\", found \"{line.Trim()}\"");
            var entry = new Entry(words[1], i + 1);
            List<Entry> list = words[0] switch
            {
                "extension" => selection.Extensions,
                "command" => selection.Commands,
                "type" => selection.Types,
                "constant" => selection.Constants,
                _ => throw new RegistryException($"{where}: unknown kind \"{words[0]}\" (extension, command, type or constant)"),
            };
            if (!seen.Add(words[0] + " " + words[1]))
                throw new RegistryException($"{where}: {words[0]} {words[1]} is listed twice");
            list.Add(entry);
        }
        return selection;
    }
}
