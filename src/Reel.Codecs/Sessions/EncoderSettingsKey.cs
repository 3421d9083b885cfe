using Reel.Codecs.Encoders;

namespace Reel.Codecs.Sessions;

/// <summary>
/// The configuration an idle encoder was started with, as the session pool matches it: every
/// field of <see cref="EncoderSettings"/> plus the backend. Two requests share an encoder only
/// if all of them are equal (record equality). A field added to EncoderSettings must be added here
/// (EncoderSettingsKeyTests fails otherwise).
/// </summary>
internal readonly record struct EncoderSettingsKey(
    string Backend,
    uint Width,
    uint Height,
    uint FpsNumerator,
    uint FpsDenominator,
    RateControlMode RateControl,
    uint Quality,
    ulong TargetBitrate,
    ulong MaxBitrate,
    ulong BufferSize,
    EncoderPreset Preset,
    uint SpeedPreset,
    uint KeyframeInterval,
    Av1Profile Profile,
    uint Level,
    uint TileRowsLog2,
    uint TileColumnsLog2,
    FilterSwitch Cdef,
    FilterSwitch Restoration,
    uint Threads,
    ColorDescription Color,
    Backends.VideoCodec Codec,
    uint ProfileIdc,
    int BFrames,
    bool LowLatency,
    uint MiniGopSize,
    uint Lookahead,
    PredictionStructure Prediction)
{
    /// <summary>The key of <paramref name="s"/> on the backend named <paramref name="backend"/>.</summary>
    public static EncoderSettingsKey Of(EncoderSettings s, string backend) => new(
        backend, s.Width, s.Height, s.FpsNumerator, s.FpsDenominator, s.RateControl, s.Quality, s.TargetBitrate, s.MaxBitrate,
        s.BufferSize, s.Preset, s.SpeedPreset, s.KeyframeInterval, s.Profile, s.Level, s.TileRowsLog2, s.TileColumnsLog2,
        s.Cdef, s.Restoration, s.Threads, s.Color, s.Codec, s.ProfileIdc, s.BFrames, s.LowLatency, s.MiniGopSize, s.Lookahead, s.Prediction);

    /// <summary>The key without the bitrate fields: encoders whose codec changes bitrate live match on it.</summary>
    public EncoderSettingsKey WithoutBitrate() => this with { TargetBitrate = 0, MaxBitrate = 0, BufferSize = 0 };
}
