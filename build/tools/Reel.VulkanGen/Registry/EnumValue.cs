namespace Reel.VulkanGen.Registry;

/// <summary>
/// One enumerant or constant: a number (Value, with the literal it came from), a string
/// (StringValue, for *_EXTENSION_NAME), or an alias of another enumerant.
/// </summary>
internal sealed class EnumValue
{
    /// <summary>The C name of the enumerant or constant.</summary>
    public required string Name { get; init; }

    /// <summary>The numeric value as a two's complement 64-bit pattern; null for aliases and strings.</summary>
    public long? Value { get; init; }

    /// <summary>The value of a float constant (VK_LOD_CLAMP_NONE).</summary>
    public double? FloatValue { get; init; }

    /// <summary>The value of a string constant, without quotes.</summary>
    public string? StringValue { get; init; }

    /// <summary>The enumerant this one aliases, or null.</summary>
    public string? Alias { get; init; }

    /// <summary>The C type of a constant (uint32_t, uint64_t, float, uint8_t), or null inside an enum.</summary>
    public string? CType { get; init; }

    /// <summary>The literal as written was hexadecimal or a complement, so it is emitted in hex.</summary>
    public bool Hex { get; init; }

    /// <summary>The enum a &lt;require&gt; adds this value to (extends attribute), or null.</summary>
    public string? Extends { get; init; }

    /// <summary>A value that refers to a define (video.xml *_SPEC_VERSION = *_API_VERSION_1_0_0).</summary>
    public string? DefineReference { get; init; }

    /// <summary>The registry's comment, if any.</summary>
    public string? Comment { get; init; }
}
