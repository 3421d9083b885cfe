using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// Structs and unions, blittable, with the C member names. Arrays of primitives are
/// <c>fixed</c> buffers, arrays of anything else an [InlineArray] nested struct; unions use
/// explicit layout at offset 0; C bitfields are packed into storage units the way GCC and
/// Clang do on SysV (a field that does not fit the unit's remaining bits starts a new unit)
/// and exposed as properties over a public <c>_bitfieldN</c> field.
/// </summary>
internal sealed class StructEmitter
{
    private readonly TypeMapper _types;
    private readonly IReadOnlyDictionary<string, EnumValue> _constants;
    private readonly string _version;

    /// <summary>An emitter that sizes arrays with <paramref name="constants"/>.</summary>
    public StructEmitter(TypeMapper types, IReadOnlyDictionary<string, EnumValue> constants, string version)
    {
        _types = types;
        _constants = constants;
        _version = version;
    }

    /// <summary>The source of one struct or union.</summary>
    public string Emit(RegistryType type)
    {
        bool union = type.Category == TypeCategory.Union;
        var inlineArrays = new List<(string Name, string Element, int Length)>();
        var w = new SourceWriter(type.Source, _version, Usings(type));
        w.Summary(type.Comment ?? $"{type.Name}: a C {(union ? "union" : "struct")}.");
        w.Line(union ? "[StructLayout(LayoutKind.Explicit)]" : "[StructLayout(LayoutKind.Sequential)]");
        w.Line($"public unsafe partial struct {type.Name}");
        w.Open();

        int unit = -1;
        int unitBits = 0;
        int usedBits = 0;
        string unitType = "";
        bool first = true;
        foreach (CDeclaration member in type.Members)
        {
            if (!first)
                w.Line();
            first = false;
            if (member.BitWidth is int width)
            {
                if (union)
                    throw new RegistryException($"{type.Name}.{member.Name}: bitfields in unions are not supported");
                string storage = _types.Map(member);
                int bits = StorageBits(storage, type.Name, member.Name);
                if (width <= 0 || width > bits)
                    throw new RegistryException($"{type.Name}.{member.Name}: bitfield width {width} does not fit {member.TypeName}");
                if (unit < 0 || storage != unitType || usedBits + width > unitBits)
                {
                    unit++;
                    unitType = storage;
                    unitBits = bits;
                    usedBits = 0;
                    w.Summary($"Storage unit {unit} of the C bitfields that follow; read and write them through the properties.");
                    w.Line($"public {storage} _bitfield{unit};");
                    w.Line();
                }
                WriteBitfield(w, member, storage, unit, usedBits, width);
                usedBits += width;
                continue;
            }
            unitBits = 0; // a plain member ends the run: the next bitfield opens a new unit
            WriteMember(w, type, member, union, inlineArrays);
        }

        foreach (var (name, element, length) in inlineArrays)
        {
            w.Line();
            w.Summary($"{length} elements of {element} laid out in place (a C array member).");
            w.Line($"[InlineArray({length})]");
            w.Line($"public partial struct _{name}_e__FixedBuffer");
            w.Open();
            w.Summary("The first element; index the buffer like an array or take it as a Span.");
            w.Line($"public {element} e0;");
            w.Close();
        }
        w.Close();
        return w.ToString();
    }

    private static IEnumerable<string> Usings(RegistryType type)
    {
        yield return "System.Runtime.InteropServices";
        if (type.Members.Any(m => m.ArrayDimensions.Count > 0))
            yield return "System.Runtime.CompilerServices";
    }

    /// <summary>Writes a plain member, a fixed buffer, or an inline-array member (collecting its nested type).</summary>
    private void WriteMember(SourceWriter w, RegistryType type, CDeclaration member, bool union, List<(string, string, int)> inlineArrays)
    {
        string csharp = _types.Map(member);
        string name = TypeMapper.Identifier(member.Name);
        if (member.Name == type.Name)
            throw new RegistryException($"{type.Name} has a member named like the type; C# cannot express that");
        w.Summary(member.Comment);
        if (union)
            w.Line("[FieldOffset(0)]");
        if (member.ArrayDimensions.Count > 0)
        {
            int length = TypeMapper.ArrayLength(member, _constants);
            w.Line($"[NativeTypeName(\"{member.NativeType}\")]");
            if (TypeMapper.IsFixedBufferElement(csharp))
            {
                w.Line($"public fixed {csharp} {name}[{length.ToString(CultureInfo.InvariantCulture)}];");
            }
            else
            {
                w.Line($"public _{member.Name}_e__FixedBuffer {name};");
                inlineArrays.Add((member.Name, csharp, length));
            }
            return;
        }
        if (TypeMapper.NativeTypeName(member, csharp) is { } native)
            w.Line($"[NativeTypeName(\"{native}\")]");
        w.Line($"public {csharp} {name};");
    }

    /// <summary>Writes the property of one bitfield: <paramref name="width"/> bits at <paramref name="offset"/> of storage unit <paramref name="unit"/>.</summary>
    private static void WriteBitfield(SourceWriter w, CDeclaration member, string storage, int unit, int offset, int width)
    {
        string suffix = storage switch { "ulong" => "UL", "long" => "L", "uint" => "u", _ => "" };
        string cast = storage is "uint" or "ulong" or "int" or "long" ? "" : $"({storage})";
        ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        string m = $"0x{mask:X}{suffix}";
        string field = $"_bitfield{unit}";
        string name = TypeMapper.Identifier(member.Name);
        w.Summary(member.Comment ?? $"C: {member.NativeType} {member.Name} : {width} (bits {offset}..{offset + width - 1} of {field}).");
        w.Line($"public {storage} {name}");
        w.Open();
        if (offset == 0)
        {
            w.Line($"readonly get => {cast}({field} & {m});");
            w.Line($"set => {field} = {cast}(({field} & ~{m}) | (value & {m}));");
        }
        else
        {
            w.Line($"readonly get => {cast}(({field} >> {offset}) & {m});");
            w.Line($"set => {field} = {cast}(({field} & ~({m} << {offset})) | ((value & {m}) << {offset}));");
        }
        w.Close();
    }

    private static int StorageBits(string storage, string type, string member) => storage switch
    {
        "byte" or "sbyte" => 8,
        "short" or "ushort" => 16,
        "int" or "uint" => 32,
        "long" or "ulong" => 64,
        _ => throw new RegistryException($"{type}.{member}: bitfield of {storage} is not an integer"),
    };
}
