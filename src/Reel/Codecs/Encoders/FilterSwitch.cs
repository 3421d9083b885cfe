namespace Reel.Codecs.Encoders;

/// <summary>An in-loop filter switch: leave it to the encoder's preset, or force it.</summary>
[Reel.Abi.CType("reel_filter_switch_t", MemberPrefix = "REEL_FILTER_")]
public enum FilterSwitch
{
    /// <summary>The encoder decides per preset (SVT-AV1 value -1).</summary>
    Default = 0,
    /// <summary>Filter disabled (SVT-AV1 value 0): faster encode and decode, lower quality.</summary>
    Off = 1,
    /// <summary>Filter enabled (SVT-AV1 value 1).</summary>
    On = 2,
}
