using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Reel.VulkanGen.Registry;

/// <summary>
/// vk.xml and video.xml read into dictionaries, filtered to the "vulkan" API (Vulkan SC
/// variants dropped). video.xml's Std types replace the external placeholders vk.xml declares.
/// </summary>
internal sealed partial class VulkanRegistry
{
    /// <summary>Every type by C name, aliases included.</summary>
    public Dictionary<string, RegistryType> Types { get; } = new();

    /// <summary>Every &lt;enums&gt; block by name.</summary>
    public Dictionary<string, EnumGroup> EnumGroups { get; } = new();

    /// <summary>Every command by name, aliases included.</summary>
    public Dictionary<string, RegistryCommand> Commands { get; } = new();

    /// <summary>vk.xml core versions and extensions, in registry order.</summary>
    public List<RegistryFeature> Features { get; } = new();

    /// <summary>video.xml's pseudo-extensions (one per Std header), in registry order.</summary>
    public List<RegistryFeature> VideoHeaders { get; } = new();

    /// <summary>"1.4.359": VK_HEADER_VERSION_COMPLETE's major.minor and VK_HEADER_VERSION.</summary>
    public string Version
    {
        get
        {
            string complete = Types["VK_HEADER_VERSION_COMPLETE"].DefineText ?? "";
            Match m = MakeVersionArguments().Match(complete);
            string patch = Types["VK_HEADER_VERSION"].DefineText ?? "?";
            return m.Success ? $"{m.Groups[2].Value}.{m.Groups[3].Value}.{patch}" : $"?.?.{patch}";
        }
    }

    /// <summary>Follows alias links to the defining type.</summary>
    public RegistryType ResolveType(string name)
    {
        if (!Types.TryGetValue(name, out RegistryType? type))
            throw new RegistryException($"type {name} is not in vk.xml or video.xml");
        for (int hops = 0; type.Alias is not null; hops++)
        {
            if (hops > 8 || !Types.TryGetValue(type.Alias, out RegistryType? target))
                throw new RegistryException($"type alias chain of {name} does not end in a definition");
            type = target;
        }
        return type;
    }

    /// <summary>Follows alias links to the defining command.</summary>
    public RegistryCommand ResolveCommand(string name)
    {
        if (!Commands.TryGetValue(name, out RegistryCommand? command))
            throw new RegistryException($"command {name} is not in vk.xml");
        while (command.Alias is not null)
            command = Commands[command.Alias];
        return command;
    }

    /// <summary>Matches the arguments of VK_MAKE_API_VERSION(variant, major, minor, patch).</summary>
    [GeneratedRegex(@"\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*\)")]
    public static partial Regex MakeVersionArguments();
}
