using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Reel.VulkanGen.Registry;

/// <summary>Reads vk.xml and video.xml (System.Xml.Linq) into a <see cref="VulkanRegistry"/>.</summary>
internal static class RegistryReader
{
    private const string VkXml = "vk.xml";
    private const string VideoXml = "video.xml";

    /// <summary>Reads <paramref name="directory"/>/vk.xml and video.xml.</summary>
    public static VulkanRegistry Read(string directory)
    {
        var registry = new VulkanRegistry();
        XElement vk = XDocument.Load(Path.Combine(directory, VkXml)).Root!;
        XElement video = XDocument.Load(Path.Combine(directory, VideoXml)).Root!;
        ReadTypes(registry, vk, VkXml);
        ReadTypes(registry, video, VideoXml);
        ReadEnums(registry, vk, VkXml);
        ReadEnums(registry, video, VideoXml);
        ReadCommands(registry, vk);
        foreach (XElement feature in vk.Elements("feature").Where(IsForVulkan))
            registry.Features.Add(ReadFeature(feature, isExtension: false, VkXml));
        foreach (XElement extension in vk.Element("extensions")?.Elements("extension") ?? [])
            registry.Features.Add(ReadFeature(extension, isExtension: true, VkXml));
        foreach (XElement extension in video.Element("extensions")?.Elements("extension") ?? [])
            registry.VideoHeaders.Add(ReadFeature(extension, isExtension: true, VideoXml));
        return registry;
    }

    /// <summary>True unless an api attribute names only other APIs (vulkansc).</summary>
    private static bool IsForVulkan(XElement element) =>
        (string?)element.Attribute("api") is not { } api || api.Split(',').Contains("vulkan");

    private static void ReadTypes(VulkanRegistry registry, XElement root, string source)
    {
        foreach (XElement element in root.Element("types")!.Elements("type").Where(IsForVulkan))
        {
            RegistryType? type = ReadType(element, source);
            if (type is null)
                continue;
            if (registry.Types.TryGetValue(type.Name, out RegistryType? existing))
            {
                // vk.xml names Std video types as externals; video.xml defines them.
                // Include lines and macros may appear in both files; the first one stays.
                if (existing.Category == TypeCategory.External && type.Category != TypeCategory.External)
                    registry.Types[type.Name] = type;
                else if (type.Category is not (TypeCategory.External or TypeCategory.Include or TypeCategory.Define))
                    throw new RegistryException($"{source}: type {type.Name} is defined twice for the vulkan API");
                continue;
            }
            registry.Types.Add(type.Name, type);
        }
    }

    private static RegistryType? ReadType(XElement element, string source)
    {
        string? name = (string?)element.Attribute("name") ?? element.Element("name")?.Value ?? element.Element("proto")?.Element("name")?.Value;
        if (name is null)
            return null;
        string? alias = (string?)element.Attribute("alias");
        string? comment = (string?)element.Attribute("comment");
        TypeCategory category = (string?)element.Attribute("category") switch
        {
            null => TypeCategory.External,
            "include" => TypeCategory.Include,
            "define" => TypeCategory.Define,
            "basetype" => TypeCategory.Basetype,
            "bitmask" => TypeCategory.Bitmask,
            "handle" => TypeCategory.Handle,
            "enum" => TypeCategory.Enum,
            "struct" => TypeCategory.Struct,
            "union" => TypeCategory.Union,
            "funcpointer" => TypeCategory.FuncPointer,
            string other => throw new RegistryException($"{source}: type {name} has unknown category {other}"),
        };
        if (alias is not null)
            return new RegistryType { Name = name, Category = category, Source = source, Alias = alias };

        switch (category)
        {
            case TypeCategory.Struct or TypeCategory.Union:
                return new RegistryType
                {
                    Name = name, Category = category, Source = source, Comment = comment,
                    Members = element.Elements("member").Where(IsForVulkan).Select(CDeclaration.Parse).ToList(),
                };
            case TypeCategory.FuncPointer:
                return new RegistryType
                {
                    Name = name, Category = category, Source = source,
                    Proto = CDeclaration.Parse(element.Element("proto")!),
                    Parameters = element.Elements("param").Where(IsForVulkan).Select(CDeclaration.Parse).ToList(),
                };
            case TypeCategory.Handle:
                string macro = element.Element("type")?.Value ?? "";
                return new RegistryType
                {
                    Name = name, Category = category, Source = source,
                    Dispatchable = macro == "VK_DEFINE_HANDLE",
                };
            case TypeCategory.Bitmask:
                return new RegistryType
                {
                    Name = name, Category = category, Source = source,
                    FlagBits = (string?)element.Attribute("requires") ?? (string?)element.Attribute("bitvalues"),
                    BitWidth = element.Element("type")?.Value == "VkFlags64" ? 64 : 32,
                };
            case TypeCategory.Basetype:
                return new RegistryType
                {
                    Name = name, Category = category, Source = source,
                    Underlying = element.Element("type") is null ? null : CDeclaration.Parse(element),
                };
            case TypeCategory.Define:
                return new RegistryType { Name = name, Category = category, Source = source, DefineText = DefineBody(element) };
            default:
                return new RegistryType { Name = name, Category = category, Source = source, Comment = comment };
        }
    }

    /// <summary>The text after the macro's name, without a trailing // comment.</summary>
    private static string? DefineBody(XElement element)
    {
        XElement? name = element.Element("name");
        if (name is null)
            return null;
        string text = string.Concat(name.NodesAfterSelf().Select(n => n is XElement e ? e.Value : ((XText)n).Value));
        int comment = text.IndexOf("//", StringComparison.Ordinal);
        return (comment >= 0 ? text[..comment] : text).Trim();
    }

    private static void ReadEnums(VulkanRegistry registry, XElement root, string source)
    {
        foreach (XElement block in root.Elements("enums"))
        {
            string name = (string)block.Attribute("name")!;
            string kind = (string?)block.Attribute("type") ?? "constants";
            var values = block.Elements("enum").Where(IsForVulkan)
                .Select(e => ReadEnumValue(e, extensionNumber: null))
                .OfType<EnumValue>()
                .ToList();
            registry.EnumGroups[name] = new EnumGroup
            {
                Name = name,
                Kind = kind,
                BitWidth = (int?)block.Attribute("bitwidth") ?? 32,
                Source = source,
                Values = values,
            };
        }
    }

    /// <summary>
    /// Reads an &lt;enum&gt;; null for a bare reference (a name only). Offsets encode
    /// 1000000000 + (extension number - 1) * 1000 + offset, negated when dir="-".
    /// </summary>
    private static EnumValue? ReadEnumValue(XElement element, int? extensionNumber)
    {
        string name = (string)element.Attribute("name")!;
        string? extends = (string?)element.Attribute("extends");
        string? comment = (string?)element.Attribute("comment");
        string? ctype = (string?)element.Attribute("type");
        if ((string?)element.Attribute("alias") is { } alias)
            return new EnumValue { Name = name, Alias = alias, Extends = extends, Comment = comment, CType = ctype };
        if ((string?)element.Attribute("bitpos") is { } bitpos)
            return new EnumValue { Name = name, Value = 1L << int.Parse(bitpos, CultureInfo.InvariantCulture), Hex = true, Extends = extends, Comment = comment };
        if ((string?)element.Attribute("offset") is { } offset)
        {
            int number = (int?)element.Attribute("extnumber") ?? extensionNumber
                ?? throw new RegistryException($"enum {name} has an offset but no extension number");
            long value = 1_000_000_000L + (number - 1) * 1000L + long.Parse(offset, CultureInfo.InvariantCulture);
            if ((string?)element.Attribute("dir") == "-")
                value = -value;
            return new EnumValue { Name = name, Value = value, Extends = extends, Comment = comment };
        }
        if ((string?)element.Attribute("value") is not { } text)
            return null;
        if (LiteralParser.TryParseString(text, out string s))
            return new EnumValue { Name = name, StringValue = s, Extends = extends, Comment = comment, CType = "char*" };
        if (ctype is "float" or "double" && LiteralParser.TryParseFloat(text, out double f))
            return new EnumValue { Name = name, FloatValue = f, Extends = extends, Comment = comment, CType = ctype };
        if (LiteralParser.TryParseInteger(text, out long v, out bool hex))
            return new EnumValue { Name = name, Value = v, Hex = hex, Extends = extends, Comment = comment, CType = ctype };
        return new EnumValue { Name = name, DefineReference = text.Trim(), Extends = extends, Comment = comment, CType = ctype };
    }

    private static void ReadCommands(VulkanRegistry registry, XElement root)
    {
        foreach (XElement element in root.Element("commands")!.Elements("command").Where(IsForVulkan))
        {
            RegistryCommand command = (string?)element.Attribute("alias") is { } alias
                ? new RegistryCommand { Name = (string)element.Attribute("name")!, Alias = alias }
                : new RegistryCommand
                {
                    Name = element.Element("proto")!.Element("name")!.Value,
                    Proto = CDeclaration.Parse(element.Element("proto")!),
                    Parameters = element.Elements("param").Where(IsForVulkan).Select(CDeclaration.Parse).ToList(),
                };
            if (!registry.Commands.TryAdd(command.Name, command))
                throw new RegistryException($"vk.xml: command {command.Name} is defined twice for the vulkan API");
        }
    }

    private static RegistryFeature ReadFeature(XElement element, bool isExtension, string source)
    {
        int number = isExtension ? (int?)element.Attribute("number") ?? 0 : 0;
        var requires = element.Elements("require").Where(IsForVulkan).Select(require => new RequireBlock
        {
            Depends = (string?)require.Attribute("depends"),
            Types = require.Elements("type").Select(t => (string)t.Attribute("name")!).ToList(),
            Commands = require.Elements("command").Select(c => (string)c.Attribute("name")!).ToList(),
            Enums = require.Elements("enum").Where(IsForVulkan)
                .Select(e => ReadEnumValue(e, isExtension ? number : null))
                .OfType<EnumValue>()
                .ToList(),
        }).ToList();
        return new RegistryFeature
        {
            Name = (string)element.Attribute("name")!,
            IsExtension = isExtension,
            Version = isExtension ? null : (string?)element.Attribute("number"),
            ExtensionType = (string?)element.Attribute("type"),
            Number = number,
            Supported = (string?)element.Attribute("supported"),
            Source = source,
            Requires = requires,
        };
    }
}
