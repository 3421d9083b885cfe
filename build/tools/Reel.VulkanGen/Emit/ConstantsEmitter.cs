using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Reel.VulkanGen.Registry;
using Reel.VulkanGen.Selection;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// VkConstants: the API version macros, the API and Std constants the selection needs, and
/// the name and spec version of every selected extension and reached Std header.
/// </summary>
internal static partial class ConstantsEmitter
{
    /// <summary>The source of VkConstants.cs.</summary>
    public static string Emit(ResolvedSelection selection, string version)
    {
        VulkanRegistry registry = selection.Registry;
        var w = new SourceWriter("vk.xml", version, []);
        w.Summary("Constants of the Vulkan headers: API versions, limits, extension names and spec versions.");
        w.Line("public static partial class VkConstants");
        w.Open();

        string[] versions = registry.Types.Keys.Where(n => VersionMacro().IsMatch(n)).Order(StringComparer.Ordinal).ToArray();
        foreach (string name in versions.Append("VK_HEADER_VERSION_COMPLETE"))
        {
            string text = registry.Types[name].DefineText!;
            w.Summary($"{name}: {text}.");
            w.Line($"public const uint {name} = {ApiVersion(text, registry)};");
            w.Line();
        }
        w.Summary("VK_HEADER_VERSION: the patch version of the registry these bindings come from.");
        w.Line($"public const uint VK_HEADER_VERSION = {registry.Types["VK_HEADER_VERSION"].DefineText};");

        foreach (EnumValue constant in selection.Constants)
        {
            w.Line();
            w.Summary(constant.Comment ?? constant.Name + ".");
            string ctype = constant.CType ?? "uint32_t";
            w.Line($"public const {CSharpType(ctype)} {constant.Name} = {Literal(constant, CSharpType(ctype))};");
        }

        foreach (var (feature, value) in selection.ExtensionConstants)
        {
            w.Line();
            w.Summary($"{value.Name} ({feature.Name}).");
            if (value.StringValue is not null)
            {
                w.Line($"public const string {value.Name} = \"{value.StringValue}\";");
            }
            else if (value.DefineReference is { } define)
            {
                string text = registry.Types.TryGetValue(define, out RegistryType? macro) ? macro.DefineText! : throw new RegistryException($"{value.Name} refers to unknown {define}");
                w.Line($"public const uint {value.Name} = {StdVersion(text)}; // {define}: {text}");
            }
            else
            {
                w.Line($"public const uint {value.Name} = {value.Value!.Value.ToString(CultureInfo.InvariantCulture)};");
            }
        }
        w.Close();
        return w.ToString();
    }

    private static string CSharpType(string ctype) => ctype switch
    {
        "uint32_t" => "uint",
        "int32_t" => "int",
        "uint64_t" => "ulong",
        "uint8_t" => "byte",
        "uint16_t" => "ushort",
        "float" => "float",
        _ => throw new RegistryException($"constant type {ctype} has no C# mapping"),
    };

    private static string Literal(EnumValue constant, string type)
    {
        if (constant.FloatValue is double f)
            return f.ToString("R", CultureInfo.InvariantCulture) + "f";
        long v = constant.Value ?? throw new RegistryException($"constant {constant.Name} has no value");
        return (constant.Hex, type) switch
        {
            (true, "ulong") => $"0x{(ulong)v:X}UL",
            (true, _) => $"0x{v:X}",
            _ => v.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>VK_MAKE_API_VERSION(variant, major, minor, patch) = variant &lt;&lt; 29 | major &lt;&lt; 22 | minor &lt;&lt; 12 | patch.</summary>
    private static uint ApiVersion(string text, VulkanRegistry registry)
    {
        Match m = VulkanRegistry.MakeVersionArguments().Match(text);
        if (!m.Success || !text.StartsWith("VK_MAKE_API_VERSION", StringComparison.Ordinal))
            throw new RegistryException($"cannot compute the version macro \"{text}\"");
        uint Arg(int i) => uint.TryParse(m.Groups[i].Value, CultureInfo.InvariantCulture, out uint n)
            ? n
            : uint.Parse(registry.Types[m.Groups[i].Value].DefineText!, CultureInfo.InvariantCulture);
        return (Arg(1) << 29) | (Arg(2) << 22) | (Arg(3) << 12) | Arg(4);
    }

    /// <summary>VK_MAKE_VIDEO_STD_VERSION(major, minor, patch) = major &lt;&lt; 22 | minor &lt;&lt; 12 | patch.</summary>
    private static uint StdVersion(string text)
    {
        Match m = StdVersionArguments().Match(text);
        if (!m.Success)
            throw new RegistryException($"cannot compute the Std version macro \"{text}\"");
        uint Arg(int i) => uint.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        return (Arg(1) << 22) | (Arg(2) << 12) | Arg(3);
    }

    [GeneratedRegex(@"^VK_API_VERSION_\d+_\d+$")]
    private static partial Regex VersionMacro();

    [GeneratedRegex(@"VK_MAKE_VIDEO_STD_VERSION\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")]
    private static partial Regex StdVersionArguments();
}
