using System;
using System.Text;

namespace Reel.Abi;

/// <summary>Maps C# names to the C names of include/reel.h.</summary>
public static class CNames
{
    /// <summary>
    /// PascalCase to UPPER_SNAKE_CASE: an underscore goes before an upper-case letter that
    /// follows a lower-case letter or digit. Digits stay attached: <c>Nv12</c> is <c>NV12</c>.
    /// </summary>
    public static string ToUpperSnake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])))
                builder.Append('_');
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The C enumerator name of an enum member of a <see cref="CTypeAttribute"/> enum.</summary>
    public static string EnumMember(string memberPrefix, string member) => memberPrefix + ToUpperSnake(member);

    /// <summary>The C enumerator name of <paramref name="value"/>, or null if it has no member.</summary>
    public static string? EnumMember<TEnum>(TEnum value, string memberPrefix) where TEnum : struct, Enum
    {
        string? member = Enum.GetName(value);
        return member is null ? null : EnumMember(memberPrefix, member);
    }
}
