namespace Reel.Codecs.Encoders;

/// <summary>
/// Speed against quality. The named presets map to SVT-AV1 speed presets (0 slowest, 13
/// fastest): Low = 12, Medium = 10 (SVT-AV1's own default), High = 8 (the slowest that still
/// allows CBR and 8K in SVT-AV1 1.4.1); <see cref="Speed"/> passes
/// <see cref="EncoderSettings.SpeedPreset"/> through.
/// </summary>
[Reel.Abi.CType("reel_encoder_preset_t", MemberPrefix = "REEL_ENCODER_PRESET_")]
public enum EncoderPreset
{
    /// <summary>Balanced: SVT-AV1 preset 10.</summary>
    Medium = 0,
    /// <summary>Fastest of the named presets, lowest quality per bit: SVT-AV1 preset 12.</summary>
    Low = 1,
    /// <summary>Slowest of the named presets, best quality per bit: SVT-AV1 preset 8.</summary>
    High = 2,
    /// <summary>The raw speed preset in <see cref="EncoderSettings.SpeedPreset"/> (0 to 13).</summary>
    Speed = 3,
}
