using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using Reel.Abi;

namespace Reel.Errors;

/// <summary>
/// The C names of <see cref="ReelResult"/> values, for <c>reel_result_name()</c>, derived
/// from the enum itself so that the list exists once.
/// </summary>
public static unsafe class ResultNames
{
    /// <summary>What <c>reel_result_name()</c> returns for a value no release defines.</summary>
    public const string Unknown = "REEL_RESULT_UNKNOWN";

    private const string Prefix = "REEL_";

    /// <summary>Value to interned UTF-8 name; read-only after construction, so lock-free.</summary>
    private static readonly FrozenDictionary<int, nint> s_utf8 = Build();

    private static readonly nint s_unknown = (nint)StaticStrings.Intern(Unknown);

    /// <summary>The C name of a result, e.g. "REEL_ERROR_INVALID_HANDLE".</summary>
    public static string Name(ReelResult result) =>
        CNames.EnumMember(result, Prefix) ?? Unknown;

    /// <summary>The C name as a static NUL-terminated UTF-8 string.</summary>
    public static byte* Utf8(int result) =>
        (byte*)(s_utf8.TryGetValue(result, out nint name) ? name : s_unknown);

    private static FrozenDictionary<int, nint> Build()
    {
        var names = new Dictionary<int, nint>();
        foreach (ReelResult value in Enum.GetValues<ReelResult>())
            names[(int)value] = (nint)StaticStrings.Intern(Name(value));
        return names.ToFrozenDictionary();
    }
}
