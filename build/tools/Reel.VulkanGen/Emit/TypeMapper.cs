using System;
using System.Collections.Generic;
using System.Linq;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// C types to blittable C# types: stdint and float types to keywords, char to byte (UTF-8),
/// size_t to nuint; basetypes (VkBool32, VkDeviceSize) to what they typedef; bitmasks to
/// their FlagBits enum (or uint/ulong when they have none); handles, enums, structs by name;
/// function pointers to <c>delegate* unmanaged&lt;...&gt;</c>.
/// </summary>
internal sealed class TypeMapper
{
    private static readonly Dictionary<string, string> s_primitives = new(StringComparer.Ordinal)
    {
        ["void"] = "void", ["char"] = "byte", ["float"] = "float", ["double"] = "double",
        ["int"] = "int", ["size_t"] = "nuint",
        ["int8_t"] = "sbyte", ["uint8_t"] = "byte", ["int16_t"] = "short", ["uint16_t"] = "ushort",
        ["int32_t"] = "int", ["uint32_t"] = "uint", ["int64_t"] = "long", ["uint64_t"] = "ulong",
    };

    /// <summary>Element types C# allows in a fixed-size buffer.</summary>
    private static readonly HashSet<string> s_fixedElements = new(StringComparer.Ordinal)
    {
        "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double",
    };

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    private readonly VulkanRegistry _registry;
    private readonly IReadOnlySet<string> _emitted;

    /// <summary>Maps types of <paramref name="registry"/>; a bitmask uses its FlagBits enum only when that enum is in <paramref name="emitted"/>.</summary>
    public TypeMapper(VulkanRegistry registry, IReadOnlySet<string> emitted)
    {
        _registry = registry;
        _emitted = emitted;
    }

    /// <summary>A C name as a C# identifier (keywords get '@').</summary>
    public static string Identifier(string name) => s_keywords.Contains(name) ? "@" + name : name;

    /// <summary>Whether <paramref name="csharpType"/> may be the element of a <c>fixed</c> buffer.</summary>
    public static bool IsFixedBufferElement(string csharpType) => s_fixedElements.Contains(csharpType);

    /// <summary>The C# type of a struct member or parameter, arrays excluded (a parameter array decays to a pointer).</summary>
    public string Map(CDeclaration declaration, bool isParameter = false)
    {
        int depth = declaration.PointerDepth + (isParameter && declaration.ArrayDimensions.Count > 0 ? 1 : 0);
        return MapName(declaration.TypeName) + new string('*', depth);
    }

    /// <summary>The C# type of the C type <paramref name="name"/> (no pointers of its own).</summary>
    public string MapName(string name)
    {
        if (s_primitives.TryGetValue(name, out string? keyword))
            return keyword;
        RegistryType type = _registry.ResolveType(name);
        return type.Category switch
        {
            TypeCategory.Basetype when type.Underlying is { } underlying => Map(underlying),
            TypeCategory.Bitmask when type.FlagBits is not null && _emitted.Contains(_registry.ResolveType(type.FlagBits).Name) => _registry.ResolveType(type.FlagBits).Name,
            TypeCategory.Bitmask => type.BitWidth == 64 ? "ulong" : "uint",
            TypeCategory.Enum or TypeCategory.Handle or TypeCategory.Struct or TypeCategory.Union => type.Name,
            TypeCategory.FuncPointer => FunctionPointer(type.Proto!, type.Parameters),
            _ => throw new RegistryException($"type {name} ({type.Category}) has no C# mapping"),
        };
    }

    /// <summary><c>delegate* unmanaged&lt;P1, P2, R&gt;</c> for a prototype and its parameters.</summary>
    public string FunctionPointer(CDeclaration proto, IEnumerable<CDeclaration> parameters)
    {
        IEnumerable<string> types = parameters.Select(p => Map(p, isParameter: true)).Append(Map(proto));
        return $"delegate* unmanaged<{string.Join(", ", types)}>";
    }

    /// <summary>The C spelling to record in [NativeTypeName], or null when the C# type says the same.</summary>
    public static string? NativeTypeName(CDeclaration declaration, string csharpType)
    {
        // uint32_t, int64_t, float, ... map one to one; only typedefs, char and qualified pointers are worth recording.
        bool plain = declaration.PointerDepth == 0 && declaration.TypeName != "char" && s_primitives.ContainsKey(declaration.TypeName);
        return plain || declaration.NativeType == csharpType || declaration.NativeType.Replace(" *", "*") == csharpType ? null : declaration.NativeType;
    }

    /// <summary>The element count of an array declaration (product of its dimensions).</summary>
    public static int ArrayLength(CDeclaration declaration, IReadOnlyDictionary<string, EnumValue> constants)
    {
        long length = 1;
        foreach (string dimension in declaration.ArrayDimensions)
        {
            if (long.TryParse(dimension, out long n))
                length *= n;
            else if (constants.TryGetValue(dimension, out EnumValue? constant) && constant.Value is long v)
                length *= v;
            else
                throw new RegistryException($"array size {dimension} of {declaration.Name} is not a known constant");
        }
        return checked((int)length);
    }
}
