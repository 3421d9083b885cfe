namespace Reel.Codecs.Encoders;

/// <summary>How the encoder spends bits.</summary>
[Reel.Abi.CType("reel_rate_control_t", MemberPrefix = "REEL_RATE_CONTROL_")]
public enum RateControlMode
{
    /// <summary>Constant rate factor: constant perceived quality from <see cref="EncoderSettings.Quality"/>, adaptive quantisation on; optionally capped by <see cref="EncoderSettings.MaxBitrate"/>.</summary>
    Crf = 0,
    /// <summary>Constant quantiser: every frame at the QP from <see cref="EncoderSettings.Quality"/>, adaptive quantisation off.</summary>
    Cqp = 1,
    /// <summary>Variable bitrate around <see cref="EncoderSettings.TargetBitrate"/> (random access, with look-ahead).</summary>
    Vbr = 2,
    /// <summary>Constant bitrate at <see cref="EncoderSettings.TargetBitrate"/> with a <see cref="EncoderSettings.BufferSize"/> decoder buffer; low delay.</summary>
    Cbr = 3,
}
