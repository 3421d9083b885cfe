namespace Reel.Codecs.Encoders;

/// <summary>AV1 seq_profile: which bit depths and chroma subsamplings a stream may use.</summary>
[Reel.Abi.CType("reel_av1_profile_t", MemberPrefix = "REEL_AV1_PROFILE_")]
public enum Av1Profile
{
    /// <summary>Main (0): 8 and 10 bit, 4:2:0 and monochrome.</summary>
    Main = 0,
    /// <summary>High (1): adds 4:4:4.</summary>
    High = 1,
    /// <summary>Professional (2): adds 4:2:2 and 12 bit.</summary>
    Professional = 2,
}
