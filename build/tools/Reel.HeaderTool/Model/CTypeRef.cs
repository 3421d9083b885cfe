using System.Collections.Generic;
using System.Linq;

namespace Reel.HeaderTool.Model;

/// <summary>A C type as the ABI sees it, after typedefs that do not matter are resolved.</summary>
public abstract record CTypeRef
{
    /// <summary>How the header spells the type (for messages).</summary>
    public abstract string Display { get; }
}

/// <summary>Primitive kinds by ABI meaning.</summary>
public enum CPrimitiveKind
{
    Void, Bool, Char, I8, U8, I16, U16, I32, U32, I64, U64, F32, F64,
    /// <summary>size_t: 64-bit unsigned, spelled nuint in C#.</summary>
    Size,
}

/// <summary>An integer, floating-point, void or char type.</summary>
public sealed record CPrimitive(CPrimitiveKind Kind, string Spelling) : CTypeRef
{
    public override string Display => Spelling;
}

/// <summary>A pointer; <see cref="PointeeConst"/> for <c>const T*</c>.</summary>
public sealed record CPointer(CTypeRef Pointee, bool PointeeConst) : CTypeRef
{
    public override string Display => (PointeeConst ? "const " : "") + Pointee.Display + "*";
}

/// <summary>A handle typedef: pointer to an incomplete struct (REEL_DEFINE_HANDLE).</summary>
public sealed record CHandle(string Name) : CTypeRef
{
    public override string Display => Name;
}

/// <summary>A struct declared in the header, by typedef name.</summary>
public sealed record CStructRef(string Name) : CTypeRef
{
    public override string Display => Name;
}

/// <summary>An enum declared in the header, by typedef name.</summary>
public sealed record CEnumRef(string Name) : CTypeRef
{
    public override string Display => Name;
}

/// <summary>A pointer to a function; <see cref="TypedefName"/> when declared through a typedef.</summary>
public sealed record CFunctionPointer(CTypeRef Return, IReadOnlyList<CTypeRef> Parameters, string? TypedefName) : CTypeRef
{
    public override string Display =>
        TypedefName ?? $"{Return.Display} (*)({string.Join(", ", Parameters.Select(p => p.Display))})";

    public bool Equals(CFunctionPointer? other) =>
        other is not null && Return.Equals(other.Return) && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => Return.GetHashCode() ^ Parameters.Count;
}

/// <summary>What an external type is at the ABI, which decides how a binding carries it.</summary>
public enum CExternalKind
{
    /// <summary>A Vulkan dispatchable handle (VK_DEFINE_HANDLE): a pointer; carried as nint.</summary>
    DispatchableHandle,

    /// <summary>A Vulkan non-dispatchable handle (VK_DEFINE_NON_DISPATCHABLE_HANDLE): 64 bits; carried as ulong.</summary>
    NonDispatchableHandle,

    /// <summary>An enum of the external API (VkFormat): 32 bits; carried as int.</summary>
    Enum,

    /// <summary>A function pointer typedef of the external API (PFN_vkGetInstanceProcAddr); carried as nint.</summary>
    FunctionPointer,
}

/// <summary>
/// A type a backend header takes from its platform API (a VkDevice, a VkFormat) rather than
/// declaring it: kept by name for messages and docs, checked and carried by its ABI kind.
/// </summary>
public sealed record CExternal(string Name, CExternalKind Kind) : CTypeRef
{
    public override string Display => Name;
}

/// <summary>A fixed-size array field, e.g. <c>uint8_t reserved[16]</c>.</summary>
public sealed record CArray(CTypeRef Element, long Length) : CTypeRef
{
    public override string Display => $"{Element.Display}[{Length}]";
}
