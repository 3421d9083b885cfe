using System;

namespace Reel.Abi;

/// <summary>
/// Marks a C# type that mirrors a type of include/reel.h. The header drift check
/// (build/tools/Reel.HeaderTool) compares every marked type with the header: struct size,
/// field names and offsets; enum member names and values.
/// </summary>
/// <remarks>
/// Enum members map to C names as <see cref="MemberPrefix"/> + the member name in
/// UPPER_SNAKE_CASE (<c>ErrorInvalidHandle</c> with prefix <c>REEL_</c> is
/// <c>REEL_ERROR_INVALID_HANDLE</c>). Struct fields keep their C names.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class CTypeAttribute : Attribute
{
    /// <summary>Creates the marker for the C type <paramref name="name"/>.</summary>
    public CTypeAttribute(string name) => Name = name;

    /// <summary>The C type name, e.g. <c>reel_context_desc_t</c>.</summary>
    public string Name { get; }

    /// <summary>For enums: the prefix of every C enumerator, e.g. <c>REEL_LOG_LEVEL_</c>.</summary>
    public string MemberPrefix { get; init; } = "";
}
