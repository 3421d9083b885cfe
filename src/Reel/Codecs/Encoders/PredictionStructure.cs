namespace Reel.Codecs.Encoders;

/// <summary>
/// How frames reference each other, which bounds an encoder's latency and memory. Random
/// access codes each mini-GOP out of order (a future frame first, then the ones between), so
/// a packet comes out only after its whole mini-GOP (and the look-ahead) was submitted; low
/// delay references past frames only, so each frame's packet can come out before the next
/// frame is submitted: what a live stream wants.
/// </summary>
[Reel.Abi.CType("reel_prediction_structure_t", MemberPrefix = "REEL_PREDICTION_")]
public enum PredictionStructure
{
    /// <summary>Low delay with <see cref="RateControlMode.Cbr"/>, random access otherwise.</summary>
    Default = 0,
    /// <summary>Hierarchical mini-GOPs coded out of order: best quality per bit, latency of a mini-GOP plus the look-ahead.</summary>
    RandomAccess = 1,
    /// <summary>Past references only, no reordering and no look-ahead: a packet per frame as it comes.</summary>
    LowDelay = 2,
}
