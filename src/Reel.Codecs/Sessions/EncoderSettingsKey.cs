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
    Backends.VideoCodec Codec,
    int Width,
    int Height,
    int FpsNumerator,
    int FpsDenominator,
    RateControlMode RateControl,
    int Quality,
    long TargetBitrate,
    long MaxBitrate,
    long BufferSize,
    EncoderPreset Preset,
    int SpeedPreset,
    int KeyframeInterval,
    Av1Profile Profile,
    int Level,
    int TileRowsLog2,
    int TileColumnsLog2,
    FilterSwitch Cdef,
    FilterSwitch Restoration,
    int Threads,
    ColorDescription Color,
    int MiniGopSize,
    int Lookahead,
    PredictionStructure Prediction)
{
    /// <summary>The key of <paramref name="s"/> on the backend named <paramref name="backend"/>.</summary>
    public static EncoderSettingsKey Of(EncoderSettings s, string backend) => new(
        backend, s.Codec, s.Width, s.Height, s.FpsNumerator, s.FpsDenominator, s.RateControl, s.Quality, s.TargetBitrate, s.MaxBitrate,
        s.BufferSize, s.Preset, s.SpeedPreset, s.KeyframeInterval, s.Profile, s.Level, s.TileRowsLog2, s.TileColumnsLog2,
        s.Cdef, s.Restoration, s.Threads, s.Color, s.MiniGopSize, s.Lookahead, s.Prediction);
}
