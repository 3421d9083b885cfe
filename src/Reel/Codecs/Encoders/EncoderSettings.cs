using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;

namespace Reel.Codecs.Encoders;

/// <summary>
/// Everything an encoder session is created with. Defaults: 30/1 fps, CRF at quality 45
/// (SVT-AV1's own default CRF 35), Medium preset, automatic keyframe interval, Main profile,
/// automatic level, no tiles, filters per preset, automatic threads, no colour description,
/// the encoder's own mini-GOP and look-ahead, random access (low delay with CBR).
/// Width and height have no default. <see cref="Validate"/> refuses anything out of range
/// with a message naming the field and the allowed range.
/// </summary>
public sealed class EncoderSettings
{
    /// <summary>Highest quality value.</summary>
    public const int MaxQuality = 100;

    /// <summary>Quantiser for quality 0 (worst).</summary>
    public const int WorstQuantizer = 63;

    /// <summary>Quantiser for quality 100 (best; SVT-AV1 1.4.1 cannot code lossless QP 0).</summary>
    public const int BestQuantizer = 1;

    /// <summary>The codec to encode; selects the backends that can (default AV1).</summary>
    public Backends.VideoCodec Codec { get; set; } = Backends.VideoCodec.Av1;

    /// <summary>Width of the coded picture in pixels.</summary>
    public uint Width { get; set; }

    /// <summary>Height of the coded picture in pixels.</summary>
    public uint Height { get; set; }

    /// <summary>Frame rate numerator (frames per <see cref="FpsDenominator"/> seconds).</summary>
    public uint FpsNumerator { get; set; } = 30;

    /// <summary>Frame rate denominator.</summary>
    public uint FpsDenominator { get; set; } = 1;

    /// <summary>How bits are spent.</summary>
    public RateControlMode RateControl { get; set; } = RateControlMode.Crf;

    /// <summary>
    /// 0 (smallest) to 100 (best) for CQP and CRF; see <see cref="QuantizerForQuality"/> for
    /// the mapping to SVT-AV1's QP / CRF. Ignored by VBR and CBR, which follow the bitrate.
    /// </summary>
    public uint Quality { get; set; } = 45;

    /// <summary>Target bitrate in bits per second for VBR and CBR (rounded to whole kbit/s); 0 with CQP and CRF.</summary>
    public ulong TargetBitrate { get; set; }

    /// <summary>Cap in bits per second for CRF ("capped CRF"); 0 means uncapped, and must be 0 in other modes.</summary>
    public ulong MaxBitrate { get; set; }

    /// <summary>CBR decoder buffer size in bits; 0 means one second of <see cref="TargetBitrate"/>. Must be 0 in other modes.</summary>
    public ulong BufferSize { get; set; }

    /// <summary>Named speed/quality preset.</summary>
    public EncoderPreset Preset { get; set; } = EncoderPreset.Medium;

    /// <summary>Raw speed preset (0 slowest to 13 fastest), used only with <see cref="EncoderPreset.Speed"/>.</summary>
    public uint SpeedPreset { get; set; }

    /// <summary>Frames from one keyframe to the next (1 = every frame); 0 lets the encoder choose.</summary>
    public uint KeyframeInterval { get; set; }

    /// <summary>AV1 profile of the stream.</summary>
    public Av1Profile Profile { get; set; } = Av1Profile.Main;

    /// <summary>AV1 level as major * 10 + minor (40 = level 4.0, 2.0 to 7.3); 0 lets the encoder choose.</summary>
    public uint Level { get; set; }

    /// <summary>log2 of the number of tile rows (0 = one row).</summary>
    public uint TileRowsLog2 { get; set; }

    /// <summary>log2 of the number of tile columns (0 = one column).</summary>
    public uint TileColumnsLog2 { get; set; }

    /// <summary>Constrained directional enhancement filter.</summary>
    public FilterSwitch Cdef { get; set; }

    /// <summary>Loop restoration filter.</summary>
    public FilterSwitch Restoration { get; set; }

    /// <summary>Worker count hint (SVT-AV1 logical processors); 0 uses every core.</summary>
    public uint Threads { get; set; }

    /// <summary>Colour description written into the stream.</summary>
    public ColorDescription Color { get; set; }

    /// <summary>
    /// H.264 / HEVC profile as the codec numbers it (profile_idc: H.264 66 constrained
    /// baseline, 77 main, 100 high; HEVC 1 main, 2 main 10); 0 lets the encoder choose. AV1
    /// uses <see cref="Profile"/> instead and refuses a non-zero value here.
    /// </summary>
    public uint ProfileIdc { get; set; }

    /// <summary>Consecutive B-frames: -1 = the encoder's preset (default), 0 = none, 1 to 16 (H.264 / HEVC).</summary>
    public int BFrames { get; set; } = -1;

    /// <summary>Low-latency streaming: no look-ahead, no B-frames, no frame-threading delay (H.264 / HEVC).</summary>
    public bool LowLatency { get; set; }

    /// <summary>
    /// Frames per mini-GOP (the hierarchical prediction group: SVT-AV1 hierarchical levels
    /// log2(size)); 0 lets the encoder choose. Smaller groups hold fewer pictures in flight
    /// (less memory, less latency) at some cost in quality per bit.
    /// </summary>
    public uint MiniGopSize { get; set; }

    /// <summary>
    /// Frames the encoder may read ahead of the one it codes, for rate control and temporal
    /// analysis; 0 lets the encoder choose. Must be 0 with low delay.
    /// </summary>
    public uint Lookahead { get; set; }

    /// <summary>Random access (default; low delay with CBR) or low delay for live streams.</summary>
    public PredictionStructure Prediction { get; set; }

    /// <summary>
    /// Whether the stream is coded low delay: <see cref="PredictionStructure.LowDelay"/>, or
    /// <see cref="PredictionStructure.Default"/> with <see cref="RateControlMode.Cbr"/>.
    /// </summary>
    public bool IsLowDelay => Prediction == PredictionStructure.LowDelay
        || (Prediction == PredictionStructure.Default && RateControl == RateControlMode.Cbr);

    /// <summary>
    /// The QP (CQP) or CRF value for a quality: 63 - round(quality * 62 / 100), so quality 0
    /// gives 63, 45 gives 35 (SVT-AV1's default CRF), 100 gives 1. Linear in QP, which is
    /// roughly logarithmic in bitrate: each 10 quality points about 6 QP.
    /// </summary>
    public static int QuantizerForQuality(int quality)
    {
        if (quality < 0 || quality > MaxQuality)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Quality is 0 to 100; Validate checks it first.");
        return WorstQuantizer - (quality * (WorstQuantizer - BestQuantizer) + MaxQuality / 2) / MaxQuality;
    }

    /// <summary>Highest QP / CRF of H.264 and HEVC (8-bit).</summary>
    public const int H26xWorstQuantizer = 51;

    /// <summary>
    /// The H.264 / HEVC QP (CQP) or CRF for a quality: 51 - round(quality * 51 / 100), so
    /// quality 0 gives 51, 45 (the default) gives 28 (x265's default CRF), 55 gives 23
    /// (x264's default CRF), 100 gives 0.
    /// </summary>
    public static int H26xQuantizerForQuality(int quality)
    {
        if (quality < 0 || quality > MaxQuality)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Quality is 0 to 100; Validate checks it first.");
        return H26xWorstQuantizer - (quality * H26xWorstQuantizer + MaxQuality / 2) / MaxQuality;
    }

    /// <summary>The SVT-AV1 speed preset the settings select (0 to 13).</summary>
    public int EffectiveSpeedPreset => Preset switch
    {
        EncoderPreset.Low => 12,
        EncoderPreset.High => 8,
        EncoderPreset.Speed => (int)SpeedPreset,
        _ => 10,
    };

    /// <summary>A copy (sessions keep their own so that later changes by the caller do not leak in).</summary>
    public EncoderSettings Clone() => (EncoderSettings)MemberwiseClone();

    /// <summary>
    /// Checks every field against <paramref name="caps"/>, once, where the settings enter the
    /// engine (sessions check them before they pick an encoder; encoders assert them). On
    /// failure returns ErrorInvalidArgument (or ErrorUnsupported for a profile or mode the
    /// backend lacks) and sets the last error to "&lt;prefix&gt;&lt;field&gt; is &lt;value&gt;;
    /// allowed &lt;range&gt;" with the C field and enumerator names and the value as given, e.g.
    /// "reel_encoder_create: desc->width is 70000; allowed 64 to 16384".
    /// </summary>
    public ReelResult Validate(EncoderCapabilities caps, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(caps);
        string p = prefix;
        if (Width < caps.MinWidth || Width > caps.MaxWidth)
            return CodecErrors.InvalidArgument($"{p}width is {Width}; allowed {caps.MinWidth} to {caps.MaxWidth}");
        if (Height < caps.MinHeight || Height > caps.MaxHeight)
            return CodecErrors.InvalidArgument($"{p}height is {Height}; allowed {caps.MinHeight} to {caps.MaxHeight}");
        if (caps.RequiresEvenDimensions && (Width & 1) != 0)
            return CodecErrors.InvalidArgument($"{p}width is {Width}; allowed even values {caps.MinWidth} to {caps.MaxWidth} (4:2:0)");
        if (caps.RequiresEvenDimensions && (Height & 1) != 0)
            return CodecErrors.InvalidArgument($"{p}height is {Height}; allowed even values {caps.MinHeight} to {caps.MaxHeight} (4:2:0)");
        if (FpsNumerator < 1)
            return CodecErrors.InvalidArgument($"{p}fps_num is {FpsNumerator}; allowed 1 to {uint.MaxValue}");
        if (FpsDenominator < 1)
            return CodecErrors.InvalidArgument($"{p}fps_den is {FpsDenominator}; allowed 1 to {uint.MaxValue}");
        // The encoder works with whole frames per second internally: below 1 fps it sees 0.
        if (FpsNumerator < FpsDenominator || FpsNumerator > (ulong)caps.MaxFramesPerSecond * FpsDenominator)
            return CodecErrors.InvalidArgument(
                $"{p}fps_num / fps_den is {FpsNumerator}/{FpsDenominator}; allowed 1 to {caps.MaxFramesPerSecond} frames per second");
        if (!Enum.IsDefined(RateControl))
            return CodecErrors.InvalidArgument($"{p}rate_control is {(int)RateControl}; allowed {Names(Enum.GetValues<RateControlMode>(), RateControlPrefix)}");
        if (!caps.Supports(RateControl))
            return CodecErrors.Unsupported($"{p}rate_control is {C(RateControl, RateControlPrefix)}; {caps.BackendName} supports {Names(caps.RateControlModes, RateControlPrefix)}");
        if (Quality > MaxQuality)
            return CodecErrors.InvalidArgument($"{p}quality is {Quality}; allowed 0 (the default) to {MaxQuality}");
        ReelResult result = ValidateBitrates(caps, p);
        if (result != ReelResult.Success)
            return result;
        if (!Enum.IsDefined(Preset))
            return CodecErrors.InvalidArgument($"{p}preset is {(int)Preset}; allowed {Names(Enum.GetValues<EncoderPreset>(), PresetPrefix)}");
        if (Preset == EncoderPreset.Speed && (SpeedPreset < caps.MinSpeedPreset || SpeedPreset > caps.MaxSpeedPreset))
            return CodecErrors.InvalidArgument($"{p}speed_preset is {SpeedPreset}; allowed {caps.MinSpeedPreset} to {caps.MaxSpeedPreset}");
        if (Preset != EncoderPreset.Speed && SpeedPreset != 0)
            return CodecErrors.InvalidArgument($"{p}speed_preset is {SpeedPreset} with preset {C(Preset, PresetPrefix)}; allowed only 0 (it applies to REEL_ENCODER_PRESET_SPEED)");
        if (!Enum.IsDefined(Profile))
            return CodecErrors.InvalidArgument($"{p}profile is {(int)Profile}; allowed {Names(Enum.GetValues<Av1Profile>(), ProfilePrefix)}");
        if (!Contains(caps.Profiles, Profile))
            return CodecErrors.Unsupported($"{p}profile is {C(Profile, ProfilePrefix)}; {caps.BackendName} with 8-bit 4:2:0 input codes {Names(caps.Profiles, ProfilePrefix)}");
        ReelResult level = CodecLevels.Check(Codec, Level, p);
        if (level != ReelResult.Success)
            return level;
        if (TileRowsLog2 > caps.MaxTileRowsLog2)
            return CodecErrors.InvalidArgument($"{p}tile_rows_log2 is {TileRowsLog2}; allowed 0 to {caps.MaxTileRowsLog2}");
        if (TileColumnsLog2 > caps.MaxTileColumnsLog2)
            return CodecErrors.InvalidArgument($"{p}tile_columns_log2 is {TileColumnsLog2}; allowed 0 to {caps.MaxTileColumnsLog2}");
        if (TileRowsLog2 + TileColumnsLog2 > caps.MaxTileCountLog2)
            return CodecErrors.InvalidArgument(
                $"{p}tile_rows_log2 + tile_columns_log2 is {TileRowsLog2 + TileColumnsLog2}; allowed 0 to {caps.MaxTileCountLog2} (at most {1 << caps.MaxTileCountLog2} tiles)");
        if (!Enum.IsDefined(Cdef))
            return CodecErrors.InvalidArgument($"{p}cdef is {(int)Cdef}; allowed {Names(Enum.GetValues<FilterSwitch>(), FilterPrefix)}");
        if (!Enum.IsDefined(Restoration))
            return CodecErrors.InvalidArgument($"{p}restoration is {(int)Restoration}; allowed {Names(Enum.GetValues<FilterSwitch>(), FilterPrefix)}");
        if (Threads > caps.MaxThreads)
            return CodecErrors.InvalidArgument($"{p}threads is {Threads}; allowed 0 (automatic) to {caps.MaxThreads}");
        if (!Enum.IsDefined(Color))
            return CodecErrors.InvalidArgument($"{p}color is {(int)Color}; allowed {Names(Enum.GetValues<ColorDescription>(), ColorPrefix)}");
        if (BFrames < -1 || BFrames > MaxBFrames)
            return CodecErrors.InvalidArgument($"{p}max_b_frames is {BFrames}; allowed 0 (the encoder's choice) to {MaxBFrames}");
        if (Codec == Backends.VideoCodec.Av1)
        {
            // SVT-AV1's settings have no such knobs; refuse rather than ignore them.
            if (ProfileIdc != 0)
                return CodecErrors.Unsupported($"{p}profile_idc is {ProfileIdc}; it applies to H.264 and HEVC, {caps.BackendName} codes AV1 (use profile)");
            if (BFrames != -1)
                return CodecErrors.Unsupported($"{p}b-frames are set ({(BFrames == 0 ? "REEL_ENCODER_FLAG_NO_B_FRAMES" : $"max_b_frames {BFrames}")}); {caps.BackendName} has no B-frame setting (H.264 and HEVC only)");
            if (LowLatency)
                return CodecErrors.Unsupported($"{p}flags has REEL_ENCODER_FLAG_LOW_LATENCY; it applies to H.264 and HEVC: for AV1 set prediction REEL_PREDICTION_LOW_DELAY");
        }
        return ValidateStructure(caps, p);
    }

    /// <summary>Most consecutive B-frames (x264 and x265 take 16).</summary>
    public const int MaxBFrames = 16;

    /// <summary>The CBR buffer in milliseconds of target bitrate (what SVT-AV1 takes).</summary>
    public long BufferMilliseconds => BufferSize == 0 || TargetBitrate == 0 ? 1000 : (long)(BufferSize * 1000 / TargetBitrate);

    private ReelResult ValidateBitrates(EncoderCapabilities caps, string p)
    {
        bool bitrateMode = RateControl is RateControlMode.Vbr or RateControlMode.Cbr;
        ulong minBitrate = (ulong)caps.MinBitrate, maxBitrate = (ulong)caps.MaxBitrate;
        string mode = C(RateControl, RateControlPrefix);
        if (bitrateMode && (TargetBitrate < minBitrate || TargetBitrate > maxBitrate))
            return CodecErrors.InvalidArgument(
                $"{p}bitrate is {TargetBitrate} with rate_control {mode}; allowed {minBitrate} to {maxBitrate} bits per second");
        if (!bitrateMode && TargetBitrate != 0)
            return CodecErrors.InvalidArgument(
                $"{p}bitrate is {TargetBitrate} with rate_control {mode}; allowed only 0 (it applies to REEL_RATE_CONTROL_VBR and REEL_RATE_CONTROL_CBR)");
        if (RateControl == RateControlMode.Crf && MaxBitrate != 0 && (MaxBitrate < minBitrate || MaxBitrate > maxBitrate))
            return CodecErrors.InvalidArgument(
                $"{p}max_bitrate is {MaxBitrate}; allowed 0 (uncapped) or {minBitrate} to {maxBitrate} bits per second");
        if (RateControl != RateControlMode.Crf && MaxBitrate != 0)
            return CodecErrors.InvalidArgument(
                $"{p}max_bitrate is {MaxBitrate} with rate_control {mode}; allowed only 0 (it caps REEL_RATE_CONTROL_CRF)");
        if (RateControl != RateControlMode.Cbr && BufferSize != 0)
            return CodecErrors.InvalidArgument(
                $"{p}buffer_size is {BufferSize} with rate_control {mode}; allowed only 0 (it applies to REEL_RATE_CONTROL_CBR)");
        if (RateControl == RateControlMode.Cbr && BufferSize != 0)
        {
            // SVT-AV1 takes the buffer in milliseconds of target bitrate: 20 to 10000.
            ulong min = (TargetBitrate * 20 + 999) / 1000;
            ulong max = TargetBitrate * 10;
            if (BufferSize < min || BufferSize > max)
                return CodecErrors.InvalidArgument(
                    $"{p}buffer_size is {BufferSize} bits ({BufferMilliseconds} ms at bitrate {TargetBitrate}); allowed 0 (one second) or {min} to {max} bits (20 to 10000 ms)");
        }
        return ReelResult.Success;
    }

    /// <summary>Prediction structure, mini-GOP and look-ahead, alone and with low delay's limits.</summary>
    private ReelResult ValidateStructure(EncoderCapabilities caps, string p)
    {
        if (!Enum.IsDefined(Prediction))
            return CodecErrors.InvalidArgument($"{p}prediction is {(int)Prediction}; allowed {Names(Enum.GetValues<PredictionStructure>(), PredictionPrefix)}");
        if (!caps.Supports(Prediction))
            return CodecErrors.Unsupported(caps.PredictionStructures.Count == 0
                ? $"{p}prediction is {C(Prediction, PredictionPrefix)}; {caps.BackendName} has no prediction-structure setting (allowed only REEL_PREDICTION_DEFAULT)"
                : $"{p}prediction is {C(Prediction, PredictionPrefix)}; {caps.BackendName} codes {Names(caps.PredictionStructures, PredictionPrefix)}");
        if (MiniGopSize != 0 && !ContainsSize(caps.MiniGopSizes, MiniGopSize))
            return CodecErrors.InvalidArgument($"{p}mini_gop_size is {MiniGopSize}; allowed 0 (automatic){Sizes(caps.MiniGopSizes)}");
        if (Lookahead > caps.MaxLookahead)
            return CodecErrors.InvalidArgument(caps.MaxLookahead > 0
                ? $"{p}lookahead is {Lookahead}; allowed 0 (automatic) or 1 to {caps.MaxLookahead} frames"
                : $"{p}lookahead is {Lookahead}; allowed only 0 ({caps.BackendName} chooses its look-ahead)");
        if (!caps.CodesLowDelay(this))
            return ReelResult.Success;

        // Low delay: what the backend codes that way. The message names why the stream is low delay.
        bool asked = Prediction == PredictionStructure.LowDelay;
        string why = asked ? "prediction REEL_PREDICTION_LOW_DELAY" : "rate_control REEL_RATE_CONTROL_CBR";
        string cbr = asked ? "" : "; REEL_RATE_CONTROL_CBR is coded low delay";
        if (!Contains(caps.LowDelayRateControlModes, RateControl))
            return CodecErrors.InvalidArgument(
                $"{p}prediction is REEL_PREDICTION_LOW_DELAY with rate_control {C(RateControl, RateControlPrefix)}; "
                + $"{caps.BackendName} codes low delay with rate_control {Names(caps.LowDelayRateControlModes, RateControlPrefix)}");
        if (EffectiveSpeedPreset < caps.LowDelayMinSpeedPreset)
        {
            string preset = Preset == EncoderPreset.Speed
                ? $"REEL_ENCODER_PRESET_SPEED with speed_preset {SpeedPreset}"
                : $"{C(Preset, PresetPrefix)} (speed {EffectiveSpeedPreset})";
            return CodecErrors.InvalidArgument(
                $"{p}preset is {preset} and {why}; allowed speed {caps.LowDelayMinSpeedPreset} to {caps.MaxSpeedPreset} "
                + $"({caps.BackendName} codes low delay at speed {caps.LowDelayMinSpeedPreset} or faster{cbr}): "
                + $"use REEL_ENCODER_PRESET_HIGH, _MEDIUM, _LOW, or _SPEED with speed_preset {caps.LowDelayMinSpeedPreset} to {caps.MaxSpeedPreset}");
        }
        if (MiniGopSize != 0 && !ContainsSize(caps.LowDelayMiniGopSizes, MiniGopSize))
            return CodecErrors.InvalidArgument(
                $"{p}mini_gop_size is {MiniGopSize} with {why}; allowed 0 (automatic){Sizes(caps.LowDelayMiniGopSizes)} ({caps.BackendName}'s low-delay group{cbr})");
        if (Lookahead != 0)
            return CodecErrors.InvalidArgument($"{p}lookahead is {Lookahead} with {why}; allowed only 0 (low delay reads no frame ahead{cbr})");
        return ReelResult.Success;
    }

    /// <summary>Whether a size in frames as the C struct gives it is one of <paramref name="sizes"/>.</summary>
    private static bool ContainsSize(IReadOnlyList<int> sizes, uint size) => size <= int.MaxValue && Contains(sizes, (int)size);

    private static string Sizes(IReadOnlyList<int> sizes)
    {
        if (sizes.Count == 0)
            return " only";
        var parts = new string[sizes.Count];
        for (int i = 0; i < sizes.Count; i++)
            parts[i] = sizes[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return " or " + string.Join(", ", parts) + " frames";
    }

    private const string RateControlPrefix = "REEL_RATE_CONTROL_";
    private const string PresetPrefix = "REEL_ENCODER_PRESET_";
    private const string ProfilePrefix = "REEL_AV1_PROFILE_";
    private const string FilterPrefix = "REEL_FILTER_";
    private const string ColorPrefix = "REEL_COLOR_";
    private const string PredictionPrefix = "REEL_PREDICTION_";

    /// <summary>The C enumerator of <paramref name="value"/> (its number when it has none).</summary>
    private static string C<T>(T value, string prefix) where T : struct, Enum =>
        CNames.EnumMember(value, prefix) ?? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
                return true;
        }
        return false;
    }

    private static string Names<T>(IReadOnlyList<T> values, string prefix) where T : struct, Enum
    {
        var parts = new string[values.Count];
        for (int i = 0; i < values.Count; i++)
            parts[i] = $"{C(values[i], prefix)} ({Convert.ToInt32(values[i], System.Globalization.CultureInfo.InvariantCulture)})";
        return string.Join(", ", parts);
    }
}
