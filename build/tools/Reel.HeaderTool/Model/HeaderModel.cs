using System.Collections.Generic;

namespace Reel.HeaderTool.Model;

/// <summary>A parameter of a function or function pointer.</summary>
public sealed record CParameter(string Name, CTypeRef Type);

/// <summary>An exported function declaration (not static inline helpers).</summary>
public sealed record CFunction(string Name, CTypeRef Return, IReadOnlyList<CParameter> Parameters, string? Doc);

/// <summary>A struct field with its byte offset.</summary>
public sealed record CField(string Name, CTypeRef Type, long Offset, long Size, string? Doc);

/// <summary>A struct typedef with its layout as the C compiler computes it.</summary>
public sealed record CStruct(string Name, long Size, long Alignment, IReadOnlyList<CField> Fields, string? Doc);

/// <summary>An enumerator.</summary>
public sealed record CEnumMember(string Name, long Value, string? Doc);

/// <summary>An enum typedef.</summary>
public sealed record CEnum(string Name, IReadOnlyList<CEnumMember> Members, string? Doc);

/// <summary>A function-pointer typedef (callback type).</summary>
public sealed record CCallback(string Name, CFunctionPointer Signature, IReadOnlyList<CParameter> Parameters, string? Doc);

/// <summary>An object-like macro whose value is one integer literal, e.g. REEL_VERSION_MAJOR.</summary>
public sealed record CIntegerMacro(string Name, long Value);

/// <summary>A handle typedef and its doc comment.</summary>
public sealed record CHandleType(string Name, string? Doc);

/// <summary>Everything of the header that matters to the ABI, in declaration order.</summary>
public sealed record HeaderModel(
    IReadOnlyList<CFunction> Functions,
    IReadOnlyList<CFunction> InlineFunctions,
    IReadOnlyList<CStruct> Structs,
    IReadOnlyList<CEnum> Enums,
    IReadOnlyList<CCallback> Callbacks,
    IReadOnlyList<CHandleType> Handles,
    IReadOnlyList<CIntegerMacro> Macros);
