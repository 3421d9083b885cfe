using System;
using System.Globalization;

namespace Reel.VulkanGen.Registry;

/// <summary>
/// The C literals the registry writes in value attributes: decimal and hex integers with
/// U/L suffixes, complements such as "(~0U)" and "(~0ULL)", floats such as "1000.0F", and
/// quoted strings.
/// </summary>
internal static class LiteralParser
{
    /// <summary>Whether <paramref name="text"/> is a quoted C string; <paramref name="value"/> is its content.</summary>
    public static bool TryParseString(string text, out string value)
    {
        string t = text.Trim();
        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"')
        {
            value = t[1..^1];
            return true;
        }
        value = "";
        return false;
    }

    /// <summary>Parses an integer literal; the result is its 64-bit pattern ((~0U) is 0xFFFFFFFF, (~0ULL) is -1).</summary>
    public static bool TryParseInteger(string text, out long value, out bool hex)
    {
        value = 0;
        hex = false;
        string t = text.Trim();
        while (t.StartsWith('(') && t.EndsWith(')'))
            t = t[1..^1].Trim();
        bool complement = t.StartsWith('~');
        if (complement)
            t = t[1..].Trim();
        bool negative = t.StartsWith('-');
        if (negative)
            t = t[1..].Trim();
        string suffix = "";
        while (t.Length > 0 && (char.ToUpperInvariant(t[^1]) is 'U' or 'L'))
        {
            suffix = t[^1] + suffix;
            t = t[..^1];
        }
        ulong magnitude;
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = true;
            if (!ulong.TryParse(t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude))
                return false;
        }
        else if (!ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude))
        {
            return false;
        }
        bool wide = suffix.Contains("LL", StringComparison.OrdinalIgnoreCase);
        if (complement)
        {
            hex = true;
            magnitude = wide ? ~magnitude : ~magnitude & 0xFFFF_FFFFUL;
        }
        value = negative ? -(long)magnitude : unchecked((long)magnitude);
        return true;
    }

    /// <summary>Parses a float literal such as "1000.0F" or "0.25f".</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        string t = text.Trim().TrimEnd('f', 'F');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
