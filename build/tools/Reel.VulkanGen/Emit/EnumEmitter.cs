using System.Collections.Generic;
using System.Globalization;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// Enums with the C enumerant names. Plain enums are int (a C enum); FlagBits are [Flags] uint
/// (VkFlags) or ulong (VkFlags64) with hex values; aliases refer to their target by name.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>The source of one enum with <paramref name="values"/> in order.</summary>
    public static string Emit(EnumGroup group, IReadOnlyList<EnumValue> values, string version)
    {
        string underlying = !group.IsBitmask ? "int" : group.BitWidth == 64 ? "ulong" : "uint";
        var w = new SourceWriter(group.Source, version, group.IsBitmask ? ["System"] : []);
        w.Summary(group.IsBitmask
            ? $"{group.Name}: the bits of a {(group.BitWidth == 64 ? "VkFlags64" : "VkFlags")} bitmask."
            : $"{group.Name}: a C enum.");
        if (group.IsBitmask)
            w.Line("[Flags]");
        w.Line($"public enum {group.Name} : {underlying}");
        w.Open();
        foreach (EnumValue value in values)
        {
            w.Summary(value.Comment);
            w.Line($"{value.Name} = {(value.Alias ?? Literal(value, underlying))},");
        }
        w.Close();
        return w.ToString();
    }

    /// <summary>A value as a C# literal of the underlying type: hex for bits, decimal otherwise.</summary>
    private static string Literal(EnumValue value, string underlying)
    {
        long v = value.Value ?? throw new RegistryException($"enumerant {value.Name} has no numeric value");
        return underlying switch
        {
            "ulong" => $"0x{(ulong)v:X16}UL",
            "uint" => $"0x{(uint)v:X8}",
            _ when value.Hex && v is >= 0 and <= int.MaxValue => $"0x{v:X}",
            _ when v is < int.MinValue or > int.MaxValue => $"unchecked((int)0x{(uint)v:X8})",
            _ => v.ToString(CultureInfo.InvariantCulture),
        };
    }
}
