using System.Collections.Generic;
using System.Linq;

namespace Reel.HeaderTool.Model;

/// <summary>A parameter of a function or function pointer.</summary>
public sealed record CParameter(string Name, CTypeRef Type);

/// <summary>An exported function declaration (not static inline helpers), and the header that declares it.</summary>
public sealed record CFunction(string Name, CTypeRef Return, IReadOnlyList<CParameter> Parameters, string? Doc, string Header);

/// <summary>A struct field with its byte offset.</summary>
public sealed record CField(string Name, CTypeRef Type, long Offset, long Size, string? Doc);

/// <summary>A struct typedef with its layout as the C compiler computes it.</summary>
public sealed record CStruct(string Name, long Size, long Alignment, IReadOnlyList<CField> Fields, string? Doc, string Header);

/// <summary>An enumerator.</summary>
public sealed record CEnumMember(string Name, long Value, string? Doc);

/// <summary>An enum typedef.</summary>
public sealed record CEnum(string Name, IReadOnlyList<CEnumMember> Members, string? Doc, string Header);

/// <summary>A function-pointer typedef (callback type).</summary>
public sealed record CCallback(string Name, CFunctionPointer Signature, IReadOnlyList<CParameter> Parameters, string? Doc, string Header);

/// <summary>An object-like macro whose value is one integer literal, e.g. REEL_VERSION_MAJOR.</summary>
public sealed record CIntegerMacro(string Name, long Value, string Header);

/// <summary>A handle typedef and its doc comment.</summary>
public sealed record CHandleType(string Name, string? Doc, string Header);

/// <summary>
/// Everything of one or more headers that matters to the ABI, in declaration order.
/// <see cref="Headers"/> names the headers (file names) in the order they were read: reel.h
/// first, then the backend headers that include it.
/// </summary>
public sealed record HeaderModel(
    IReadOnlyList<string> Headers,
    IReadOnlyList<CFunction> Functions,
    IReadOnlyList<CFunction> InlineFunctions,
    IReadOnlyList<CStruct> Structs,
    IReadOnlyList<CEnum> Enums,
    IReadOnlyList<CCallback> Callbacks,
    IReadOnlyList<CHandleType> Handles,
    IReadOnlyList<CIntegerMacro> Macros)
{
    /// <summary>The headers' names for messages: "reel.h" or "reel.h or reel_vulkan.h".</summary>
    public string HeaderNames => string.Join(" or ", Headers);

    /// <summary>"MAJOR.MINOR.PATCH" from the REEL_VERSION_* macros, "?" for a part not defined.</summary>
    public string Version => string.Join(".", new[] { "MAJOR", "MINOR", "PATCH" }
        .Select(p => Macros.FirstOrDefault(m => m.Name == "REEL_VERSION_" + p)?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"));

    /// <summary>The declarations of one of the headers only (by file name).</summary>
    public HeaderModel Only(string header) => new(
        [header],
        Functions.Where(f => f.Header == header).ToList(),
        InlineFunctions.Where(f => f.Header == header).ToList(),
        Structs.Where(s => s.Header == header).ToList(),
        Enums.Where(e => e.Header == header).ToList(),
        Callbacks.Where(c => c.Header == header).ToList(),
        Handles.Where(h => h.Header == header).ToList(),
        Macros.Where(m => m.Header == header).ToList());

    /// <summary>One model holding the declarations of every model, in order.</summary>
    public static HeaderModel Merge(IEnumerable<HeaderModel> models)
    {
        List<HeaderModel> all = models.ToList();
        return new HeaderModel(
            all.SelectMany(m => m.Headers).ToList(),
            all.SelectMany(m => m.Functions).ToList(),
            all.SelectMany(m => m.InlineFunctions).ToList(),
            all.SelectMany(m => m.Structs).ToList(),
            all.SelectMany(m => m.Enums).ToList(),
            all.SelectMany(m => m.Callbacks).ToList(),
            all.SelectMany(m => m.Handles).ToList(),
            all.SelectMany(m => m.Macros).ToList());
    }
}
