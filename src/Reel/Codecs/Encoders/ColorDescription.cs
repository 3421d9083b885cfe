namespace Reel.Codecs.Encoders;

/// <summary>The colour description written into the sequence header.</summary>
[Reel.Abi.CType("reel_color_description_t", MemberPrefix = "REEL_COLOR_")]
public enum ColorDescription
{
    /// <summary>No colour description (players assume BT.709 limited range for HD and BT.601 for SD).</summary>
    Unspecified = 0,
    /// <summary>
    /// BT.709 primaries, transfer and matrix, limited (studio) range: what
    /// <see cref="Conversion.RgbToI420"/> produces, so RGBA captures play back with the right colours.
    /// </summary>
    Bt709Limited = 1,
}
