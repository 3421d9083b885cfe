using System.Collections.Generic;
using System.Globalization;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Encoders;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// Turns <see cref="EncoderSettings"/> into the key/value pairs given to
/// svt_av1_enc_parse_parameter (keys checked against SVT-AV1 1.4.1), and holds the rules of
/// that version which the generic validation cannot know.
/// </summary>
internal static class SvtParameters
{
    /// <summary>
    /// Pixel count above which SVT-AV1 1.4.1 classes a picture as 8K and needs speed preset 8
    /// or faster (measured: 5120x4104 is accepted at preset 7, 5120x4106 is not).
    /// </summary>
    public const long EightKPixelThreshold = 0x140A000;

    /// <summary>Slowest speed preset for CBR (low delay) and for pictures above <see cref="EightKPixelThreshold"/>.</summary>
    public const int MinLowDelayOrEightKPreset = 8;

    /// <summary>What the SVT-AV1 1.4.1 backend accepts (8-bit 4:2:0 input only).</summary>
    public static EncoderCapabilities Capabilities { get; } = new(
        backendName: "SVT-AV1",
        minWidth: 64, maxWidth: 16384, minHeight: 64, maxHeight: 8704, requiresEvenDimensions: true,
        maxFramesPerSecond: 240,
        profiles: new[] { Av1Profile.Main },
        rateControlModes: new[] { RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Vbr, RateControlMode.Cbr },
        keyframeForcingModes: new[] { RateControlMode.Crf, RateControlMode.Cqp },
        presets: new[] { EncoderPreset.Low, EncoderPreset.Medium, EncoderPreset.High, EncoderPreset.Speed },
        minSpeedPreset: 0, maxSpeedPreset: 13,
        minBitrate: 1000, maxBitrate: 100_000_000,
        maxTileRowsLog2: 6, maxTileColumnsLog2: 4, maxTileCountLog2: 7,
        maxThreads: 256);

    /// <summary>
    /// Rules of SVT-AV1 1.4.1 beyond ranges: CBR is coded low-delay, which needs speed preset 8
    /// or faster (the library would silently raise it), and so do 8K pictures (it would refuse).
    /// </summary>
    public static ReelResult CheckBackendRules(EncoderSettings settings, string prefix)
    {
        int preset = settings.EffectiveSpeedPreset;
        if (settings.RateControl == RateControlMode.Cbr && preset < MinLowDelayOrEightKPreset)
            return CodecErrors.InvalidArgument(
                $"{prefix}preset is REEL_ENCODER_PRESET_SPEED with speed_preset {preset} and rate_control REEL_RATE_CONTROL_CBR; allowed speed {MinLowDelayOrEightKPreset} to 13 "
                + "(SVT-AV1 codes CBR low-delay): use REEL_ENCODER_PRESET_HIGH, _MEDIUM, _LOW, or _SPEED with speed_preset 8 to 13");
        long pixels = (long)settings.Width * settings.Height;
        if (pixels > EightKPixelThreshold && preset < MinLowDelayOrEightKPreset)
            return CodecErrors.InvalidArgument(
                $"{prefix}preset is REEL_ENCODER_PRESET_SPEED with speed_preset {preset} for {settings.Width}x{settings.Height}; allowed speed {MinLowDelayOrEightKPreset} to 13 "
                + $"above {EightKPixelThreshold} pixels (SVT-AV1's 8K class)");
        return ReelResult.Success;
    }

    /// <summary>The parse_parameter calls, in order (later keys may override what earlier ones implied).</summary>
    public static List<KeyValuePair<string, string>> Build(EncoderSettings s)
    {
        var list = new List<KeyValuePair<string, string>>(24);
        void Add(string key, long value) => list.Add(new(key, value.ToString(CultureInfo.InvariantCulture)));
        void AddText(string key, string value) => list.Add(new(key, value));

        Add("width", s.Width);
        Add("height", s.Height);
        Add("fps-num", s.FpsNumerator);
        Add("fps-denom", s.FpsDenominator);
        Add("input-depth", 8);
        Add("color-format", 1); // EB_YUV420
        Add("preset", s.EffectiveSpeedPreset);
        Add("profile", (int)s.Profile);
        if (s.Level != 0)
            Add("level", s.Level);
        int quantizer = EncoderSettings.QuantizerForQuality((int)s.Quality);
        switch (s.RateControl)
        {
            case RateControlMode.Cqp:
                // "rc=cqp" turns adaptive quantisation off; "qp" then sets the quantiser only.
                AddText("rc", "cqp");
                Add("qp", quantizer);
                Add("enable-force-key-frames", 1);
                break;
            case RateControlMode.Crf:
                // "crf" sets rate control 0, adaptive quantisation 2 and the quantiser together.
                Add("crf", quantizer);
                if (s.MaxBitrate != 0)
                    Add("mbr", Kilobits(s.MaxBitrate));
                Add("enable-force-key-frames", 1);
                break;
            case RateControlMode.Vbr:
                AddText("rc", "vbr");
                Add("tbr", Kilobits(s.TargetBitrate));
                break;
            case RateControlMode.Cbr:
                // "rc=cbr" also selects the low-delay prediction structure.
                AddText("rc", "cbr");
                Add("tbr", Kilobits(s.TargetBitrate));
                if (s.BufferSize != 0)
                    Add("buf-sz", s.BufferMilliseconds);
                break;
        }
        if (s.KeyframeInterval != 0)
            Add("keyint", s.KeyframeInterval);
        if (s.TileRowsLog2 != 0)
            Add("tile-rows", s.TileRowsLog2);
        if (s.TileColumnsLog2 != 0)
            Add("tile-columns", s.TileColumnsLog2);
        if (s.Cdef != FilterSwitch.Default)
            Add("enable-cdef", s.Cdef == FilterSwitch.On ? 1 : 0);
        if (s.Restoration != FilterSwitch.Default)
            Add("enable-restoration", s.Restoration == FilterSwitch.On ? 1 : 0);
        if (s.Threads != 0)
            Add("lp", s.Threads);
        if (s.Color == ColorDescription.Bt709Limited)
        {
            AddText("color-primaries", "bt709");
            AddText("transfer-characteristics", "bt709");
            AddText("matrix-coefficients", "bt709");
            AddText("color-range", "studio");
        }
        return list;
    }

    /// <summary>SVT-AV1 takes bitrates in kbit/s: round to the nearest, at least 1.</summary>
    private static long Kilobits(ulong bitsPerSecond) => (long)System.Math.Max(1, (bitsPerSecond + 500) / 1000);
}
