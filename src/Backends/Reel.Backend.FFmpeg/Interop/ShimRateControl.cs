namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_rate_control_t.</summary>
internal enum ShimRateControl
{
    /// <summary>The encoder's default.</summary>
    Default = 0,
    /// <summary>Constant QP.</summary>
    Cqp = 1,
    /// <summary>Constant quality.</summary>
    Crf = 2,
    /// <summary>Average bitrate.</summary>
    Vbr = 3,
    /// <summary>Constant bitrate.</summary>
    Cbr = 4,
}
