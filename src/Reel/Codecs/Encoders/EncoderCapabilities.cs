using System.Collections.Generic;

namespace Reel.Codecs.Encoders;

/// <summary>
/// What one encoder backend can do: the ranges <see cref="EncoderSettings.Validate"/> checks
/// against and what <c>reel probe</c> prints. Immutable.
/// </summary>
public sealed class EncoderCapabilities
{
    /// <summary>Creates a description; backends build one each.</summary>
    public EncoderCapabilities(
        string backendName,
        int minWidth, int maxWidth, int minHeight, int maxHeight, bool requiresEvenDimensions,
        int maxFramesPerSecond,
        IReadOnlyList<Av1Profile> profiles,
        IReadOnlyList<RateControlMode> rateControlModes,
        IReadOnlyList<RateControlMode> keyframeForcingModes,
        IReadOnlyList<EncoderPreset> presets,
        int minSpeedPreset, int maxSpeedPreset,
        long minBitrate, long maxBitrate,
        int maxTileRowsLog2, int maxTileColumnsLog2, int maxTileCountLog2,
        int maxThreads,
        IReadOnlyList<PredictionStructure>? predictionStructures = null,
        IReadOnlyList<int>? miniGopSizes = null,
        int maxLookahead = 0,
        IReadOnlyList<RateControlMode>? lowDelayRateControlModes = null,
        int lowDelayMinSpeedPreset = 0,
        IReadOnlyList<int>? lowDelayMiniGopSizes = null,
        IReadOnlyList<RateControlMode>? lowDelayKeyframeForcingModes = null)
    {
        BackendName = backendName;
        MinWidth = minWidth;
        MaxWidth = maxWidth;
        MinHeight = minHeight;
        MaxHeight = maxHeight;
        RequiresEvenDimensions = requiresEvenDimensions;
        MaxFramesPerSecond = maxFramesPerSecond;
        Profiles = profiles;
        RateControlModes = rateControlModes;
        KeyframeForcingModes = keyframeForcingModes;
        Presets = presets;
        MinSpeedPreset = minSpeedPreset;
        MaxSpeedPreset = maxSpeedPreset;
        MinBitrate = minBitrate;
        MaxBitrate = maxBitrate;
        MaxTileRowsLog2 = maxTileRowsLog2;
        MaxTileColumnsLog2 = maxTileColumnsLog2;
        MaxTileCountLog2 = maxTileCountLog2;
        MaxThreads = maxThreads;
        PredictionStructures = predictionStructures ?? System.Array.Empty<PredictionStructure>();
        MiniGopSizes = miniGopSizes ?? System.Array.Empty<int>();
        MaxLookahead = maxLookahead;
        LowDelayRateControlModes = lowDelayRateControlModes ?? System.Array.Empty<RateControlMode>();
        LowDelayMinSpeedPreset = lowDelayMinSpeedPreset;
        LowDelayMiniGopSizes = lowDelayMiniGopSizes ?? System.Array.Empty<int>();
        LowDelayKeyframeForcingModes = lowDelayKeyframeForcingModes ?? System.Array.Empty<RateControlMode>();
    }

    /// <summary>Name of the backend, e.g. "SVT-AV1".</summary>
    public string BackendName { get; }

    /// <summary>Smallest width in pixels.</summary>
    public int MinWidth { get; }

    /// <summary>Largest width in pixels.</summary>
    public int MaxWidth { get; }

    /// <summary>Smallest height in pixels.</summary>
    public int MinHeight { get; }

    /// <summary>Largest height in pixels.</summary>
    public int MaxHeight { get; }

    /// <summary>Whether width and height must be even (4:2:0 input).</summary>
    public bool RequiresEvenDimensions { get; }

    /// <summary>Highest frame rate (fps_num / fps_den) accepted.</summary>
    public int MaxFramesPerSecond { get; }

    /// <summary>AV1 profiles the backend can produce.</summary>
    public IReadOnlyList<Av1Profile> Profiles { get; }

    /// <summary>Rate-control modes the backend implements.</summary>
    public IReadOnlyList<RateControlMode> RateControlModes { get; }

    /// <summary>Rate-control modes in which a frame can be forced to be a keyframe.</summary>
    public IReadOnlyList<RateControlMode> KeyframeForcingModes { get; }

    /// <summary>Named presets accepted.</summary>
    public IReadOnlyList<EncoderPreset> Presets { get; }

    /// <summary>Slowest raw speed preset.</summary>
    public int MinSpeedPreset { get; }

    /// <summary>Fastest raw speed preset.</summary>
    public int MaxSpeedPreset { get; }

    /// <summary>Lowest target or maximum bitrate in bits per second.</summary>
    public long MinBitrate { get; }

    /// <summary>Highest target or maximum bitrate in bits per second.</summary>
    public long MaxBitrate { get; }

    /// <summary>Largest log2 of the tile row count.</summary>
    public int MaxTileRowsLog2 { get; }

    /// <summary>Largest log2 of the tile column count.</summary>
    public int MaxTileColumnsLog2 { get; }

    /// <summary>Largest log2 of the total tile count (rows + columns).</summary>
    public int MaxTileCountLog2 { get; }

    /// <summary>Largest thread count accepted (0 always means automatic).</summary>
    public int MaxThreads { get; }

    /// <summary>
    /// Prediction structures the backend lets the caller choose (<see cref="PredictionStructure.Default"/>
    /// is always accepted). Empty: the backend has no such setting (FFmpeg's H.264 / HEVC
    /// encoders), so only Default is accepted and no low-delay rule applies.
    /// </summary>
    public IReadOnlyList<PredictionStructure> PredictionStructures { get; }

    /// <summary>Mini-GOP sizes (frames) that can be asked for; empty when only 0 (the encoder's choice) is accepted.</summary>
    public IReadOnlyList<int> MiniGopSizes { get; }

    /// <summary>Largest look-ahead in frames that can be asked for; 0 when only 0 (the encoder's choice) is accepted.</summary>
    public int MaxLookahead { get; }

    /// <summary>Rate-control modes the backend codes with low delay.</summary>
    public IReadOnlyList<RateControlMode> LowDelayRateControlModes { get; }

    /// <summary>Slowest raw speed preset the backend accepts with low delay.</summary>
    public int LowDelayMinSpeedPreset { get; }

    /// <summary>Mini-GOP sizes that can be asked for with low delay; empty when only 0 is accepted.</summary>
    public IReadOnlyList<int> LowDelayMiniGopSizes { get; }

    /// <summary>Rate-control modes in which a frame can be forced to be a keyframe with low delay.</summary>
    public IReadOnlyList<RateControlMode> LowDelayKeyframeForcingModes { get; }

    /// <summary>The settings the encoder honours (reel_codec_caps_t.encode_settings); SVT-AV1's by default.</summary>
    public EncoderSettingFlags Settings { get; init; } = Av1EncoderSettings;

    /// <summary>What SVT-AV1 honours.</summary>
    public const EncoderSettingFlags Av1EncoderSettings = EncoderSettingFlags.Bitrate | EncoderSettingFlags.MaxBitrate | EncoderSettingFlags.BufferSize
        | EncoderSettingFlags.KeyframeInterval | EncoderSettingFlags.Preset | EncoderSettingFlags.Threads | EncoderSettingFlags.Level
        | EncoderSettingFlags.Av1Profile | EncoderSettingFlags.Tiles | EncoderSettingFlags.Av1Filters | EncoderSettingFlags.Color
        | EncoderSettingFlags.MiniGopSize | EncoderSettingFlags.Lookahead | EncoderSettingFlags.Prediction;

    /// <summary>What H.264 / HEVC encoders through libavcodec honour (libx264 adds <see cref="EncoderSettingFlags.LiveBitrate"/>).</summary>
    public const EncoderSettingFlags H26xEncoderSettings = EncoderSettingFlags.Bitrate | EncoderSettingFlags.MaxBitrate | EncoderSettingFlags.BufferSize
        | EncoderSettingFlags.KeyframeInterval | EncoderSettingFlags.Preset | EncoderSettingFlags.Threads | EncoderSettingFlags.Level
        | EncoderSettingFlags.ProfileIdc | EncoderSettingFlags.BFrames | EncoderSettingFlags.LowLatency;

    /// <summary>H.264 / HEVC profile_idc values the encoder takes (empty for AV1).</summary>
    public IReadOnlyList<int> ProfileIdcs { get; init; } = [];

    /// <summary>Whether the backend implements <paramref name="mode"/>.</summary>
    public bool Supports(RateControlMode mode) => Contains(RateControlModes, mode);

    /// <summary>Whether keyframes can be forced in <paramref name="mode"/> (random access).</summary>
    public bool CanForceKeyframes(RateControlMode mode) => Contains(KeyframeForcingModes, mode);

    /// <summary>Whether keyframes can be forced with <paramref name="settings"/>: its rate control and its prediction structure.</summary>
    public bool CanForceKeyframes(EncoderSettings settings)
        => CodesLowDelay(settings) ? Contains(LowDelayKeyframeForcingModes, settings.RateControl) : CanForceKeyframes(settings.RateControl);

    /// <summary>
    /// Whether this backend codes <paramref name="settings"/> low delay: it offers a low-delay
    /// structure and the settings ask for it (or for CBR with the default structure).
    /// </summary>
    public bool CodesLowDelay(EncoderSettings settings) => settings.IsLowDelay && Contains(PredictionStructures, PredictionStructure.LowDelay);

    /// <summary>Whether <paramref name="structure"/> is accepted (Default always is).</summary>
    public bool Supports(PredictionStructure structure) => structure == PredictionStructure.Default || Contains(PredictionStructures, structure);

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
                return true;
        }
        return false;
    }
}
