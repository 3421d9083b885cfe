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

    /// <summary>Slowest speed preset for low delay (CBR included) and for pictures above <see cref="EightKPixelThreshold"/>.</summary>
    public const int MinLowDelayOrEightKPreset = 8;

    /// <summary>
    /// The mini-GOP SVT-AV1 1.4.1 codes low delay with: it forces hierarchical levels 3 (a
    /// group of 8 frames in 4 temporal layers, all referencing the past) whatever was asked.
    /// </summary>
    public const int LowDelayMiniGopSize = 8;

    /// <summary>
    /// The random-access mini-GOP Reel asks for when the settings leave it at 0. SVT-AV1 1.4.1
    /// picks 32 at speeds 0 to 12 in CRF/CQP; 16 measured 37 % less peak RSS at 1080p (about
    /// 455 against 720 MiB in SvtAv1EncApp on 2 cores) with equal or better PSNR per bit on the
    /// two clips of docs/BENCHMARKS.md. It is also what SVT-AV1 picks at speed 13 and with
    /// VBR, and FFmpeg's libsvtav1 default.
    /// </summary>
    public const uint DefaultMiniGopSize = 16;

    /// <summary>Largest look-ahead SVT-AV1 1.4.1 accepts (MAX_LAD: two seconds at 60 fps).</summary>
    public const int MaxLookahead = 120;

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
        maxThreads: 256,
        // pred-struct 1 (low delay B) and 2 (random access); 0 (low delay P) is "no longer active".
        predictionStructures: new[] { PredictionStructure.RandomAccess, PredictionStructure.LowDelay },
        // Hierarchical levels 2 to 5 (verify_settings refuses the rest).
        miniGopSizes: new[] { 4, 8, 16, 32 },
        maxLookahead: MaxLookahead,
        // Low delay turns VBR into CBR (with a warning), so VBR is refused rather than changed.
        lowDelayRateControlModes: new[] { RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Cbr },
        lowDelayMinSpeedPreset: MinLowDelayOrEightKPreset,
        lowDelayMiniGopSizes: new[] { LowDelayMiniGopSize },
        // force_key_frames is refused unless random access CRF/CQP.
        lowDelayKeyframeForcingModes: System.Array.Empty<RateControlMode>());

    /// <summary>
    /// Rules of SVT-AV1 1.4.1 beyond what <see cref="Capabilities"/> can say, each one a
    /// setting the library would change behind the caller's back or refuse: CBR in random
    /// access (it would code VBR), a capped CRF in low delay (it caps through TPL, which low
    /// delay turns off), and 8K pictures below speed 8 (refused). The low-delay limits
    /// (speed 8 or faster, mini-GOP 8, no look-ahead, no VBR) are in the capabilities and
    /// checked by <see cref="EncoderSettings.Validate"/>.
    /// </summary>
    public static ReelResult CheckBackendRules(EncoderSettings settings, string prefix)
    {
        int preset = settings.EffectiveSpeedPreset;
        if (settings.RateControl == RateControlMode.Cbr && settings.Prediction == PredictionStructure.RandomAccess)
            return CodecErrors.InvalidArgument(
                $"{prefix}prediction is REEL_PREDICTION_RANDOM_ACCESS with rate_control REEL_RATE_CONTROL_CBR; allowed REEL_PREDICTION_DEFAULT or REEL_PREDICTION_LOW_DELAY "
                + "(SVT-AV1 codes CBR low delay only: in random access it would switch to VBR)");
        if (settings.IsLowDelay && settings.MaxBitrate != 0)
            return CodecErrors.InvalidArgument(
                $"{prefix}max_bitrate is {settings.MaxBitrate} with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0 (SVT-AV1 caps CRF through its temporal model, TPL, which low delay turns off)");
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
                if (!s.IsLowDelay)
                    Add("enable-force-key-frames", 1); // refused by SVT-AV1 in low delay
                break;
            case RateControlMode.Crf:
                // "crf" sets rate control 0, adaptive quantisation 2 and the quantiser together.
                Add("crf", quantizer);
                if (s.MaxBitrate != 0)
                    Add("mbr", Kilobits(s.MaxBitrate));
                if (!s.IsLowDelay)
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
        // After "rc", which sets low delay for CBR by itself: 1 = low delay B, 2 = random access.
        if (s.Prediction != PredictionStructure.Default)
            Add("pred-struct", s.IsLowDelay ? 1 : 2);
        // Low delay: SVT-AV1 forces its group of 8 anyway, so 0 asks for nothing.
        uint miniGop = s.MiniGopSize != 0 ? s.MiniGopSize : s.IsLowDelay ? 0 : DefaultMiniGopSize;
        if (miniGop != 0)
            Add("hierarchical-levels", System.Numerics.BitOperations.Log2(miniGop));
        if (s.Lookahead != 0)
            Add("lookahead", s.Lookahead);
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
