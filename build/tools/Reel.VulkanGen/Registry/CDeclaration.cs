using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Reel.VulkanGen.Registry;

/// <summary>
/// One C declaration of the registry: a struct member, a command parameter or a prototype,
/// e.g. <c>const VkAllocationCallbacks* pAllocator</c>, <c>char deviceName[VK_MAX_PHYSICAL_DEVICE_NAME_SIZE]</c>
/// or <c>uint32_t constraint_set0_flag : 1</c>.
/// </summary>
internal sealed partial class CDeclaration
{
    /// <summary>The declared name (member, parameter or function name).</summary>
    public required string Name { get; init; }

    /// <summary>The base C type name, without qualifiers or pointers.</summary>
    public required string TypeName { get; init; }

    /// <summary>Levels of indirection (the number of '*').</summary>
    public required int PointerDepth { get; init; }

    /// <summary>Array dimensions, outermost first: a number or a constant's name.</summary>
    public required IReadOnlyList<string> ArrayDimensions { get; init; }

    /// <summary>Width of a C bitfield, or null for an ordinary member.</summary>
    public required int? BitWidth { get; init; }

    /// <summary>The C type as written, normalised (e.g. "const char *const *", "char[256]").</summary>
    public required string NativeType { get; init; }

    /// <summary>The registry's comment on the member, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>The api attribute (e.g. "vulkan,vulkanbase", "vulkansc"), or null when it applies to all.</summary>
    public string? Api { get; init; }

    /// <summary>The values attribute of an sType member: the VkStructureType value the struct requires.</summary>
    public string? Values { get; init; }

    /// <summary>Reads a &lt;member&gt;, &lt;param&gt; or &lt;proto&gt; element.</summary>
    public static CDeclaration Parse(XElement element)
    {
        var prefix = new StringBuilder();
        var between = new StringBuilder();
        var suffix = new StringBuilder();
        string? type = null;
        string? name = null;
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText text when type is null:
                    prefix.Append(text.Value);
                    break;
                case XText text when name is null:
                    between.Append(text.Value);
                    break;
                case XText text:
                    suffix.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "type" } e:
                    type = e.Value;
                    break;
                case XElement { Name.LocalName: "name" } e:
                    name = e.Value;
                    break;
                case XElement { Name.LocalName: "enum" } e when name is not null:
                    suffix.Append(e.Value);
                    break;
            }
        }
        if (type is null || name is null)
            throw new RegistryException($"declaration without <type> or <name>: {element}");

        string suffixText = suffix.ToString();
        var dimensions = ArrayPattern().Matches(suffixText).Select(m => m.Groups[1].Value.Trim()).ToList();
        Match bits = BitfieldPattern().Match(suffixText);
        string pointers = between.ToString();
        int depth = pointers.Count(c => c == '*');
        string native = Normalise(prefix + type + " " + pointers) + string.Concat(dimensions.Select(d => $"[{d}]"));
        return new CDeclaration
        {
            Name = name,
            TypeName = type,
            PointerDepth = depth,
            ArrayDimensions = dimensions,
            BitWidth = bits.Success ? int.Parse(bits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            NativeType = native,
            Comment = element.Element("comment")?.Value.Trim(),
            Api = (string?)element.Attribute("api"),
            Values = (string?)element.Attribute("values"),
        };
    }

    /// <summary>"const char* const*" becomes "const char *const *" (clang's spelling, as TerraFX records it).</summary>
    private static string Normalise(string text)
    {
        string collapsed = Whitespace().Replace(text.Trim(), " ");
        collapsed = collapsed.Replace(" *", "*").Replace("*", " *").Replace("* ", "*");
        return collapsed.Replace(" const", " const").Trim();
    }

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex ArrayPattern();

    [GeneratedRegex(@":\s*(\d+)")]
    private static partial Regex BitfieldPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
