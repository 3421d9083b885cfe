using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.Encoders;

/// <summary>Settings validation, the quality mapping and the SVT-AV1 parameter keys.</summary>
public unsafe class EncoderSettingsTests
{
    /// <summary>One bad setting, and what the message must say.</summary>
    public sealed record BadSetting(string Name, Action<EncoderSettings> Change, ReelResult Result, string Message)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<BadSetting> BadSettings()
    {
        const ReelResult invalid = ReelResult.ErrorInvalidArgument;
        yield return new("width too large", s => s.Width = 70000, invalid, "width is 70000; allowed 64 to 16384");
        yield return new("width too small", s => s.Width = 32, invalid, "width is 32; allowed 64 to 16384");
        yield return new("width odd", s => s.Width = 321, invalid, "width is 321; allowed even values 64 to 16384 (4:2:0)");
        yield return new("height too large", s => s.Height = 8706, invalid, "height is 8706; allowed 64 to 8704");
        yield return new("height odd", s => s.Height = 241, invalid, "height is 241; allowed even values 64 to 8704 (4:2:0)");
        yield return new("fps numerator 0", s => s.FpsNumerator = 0, invalid, "fps_num is 0; allowed 1 to 4294967295");
        yield return new("fps denominator 0", s => s.FpsDenominator = 0, invalid, "fps_den is 0; allowed 1 to 4294967295");
        yield return new("fps above 240", s => s.FpsNumerator = 241, invalid, "fps_num / fps_den is 241/1; allowed 1 to 240 frames per second");
        yield return new("fps below 1", s => { s.FpsNumerator = 1; s.FpsDenominator = 2; }, invalid, "fps_num / fps_den is 1/2; allowed 1 to 240");
        yield return new("rate control unknown", s => s.RateControl = (RateControlMode)9, invalid, "rate_control is 9; allowed REEL_RATE_CONTROL_CRF (0), REEL_RATE_CONTROL_CQP (1), REEL_RATE_CONTROL_VBR (2), REEL_RATE_CONTROL_CBR (3)");
        yield return new("quality above 100", s => s.Quality = 101, invalid, "quality is 101; allowed 0 (the default) to 100");
        yield return new("quality at the top of uint32", s => s.Quality = uint.MaxValue, invalid, "quality is 4294967295; allowed 0 (the default) to 100");
        yield return new("width at the top of uint32", s => s.Width = uint.MaxValue, invalid, "width is 4294967295; allowed 64 to 16384");
        yield return new("vbr without bitrate", s => s.RateControl = RateControlMode.Vbr, invalid,
            "bitrate is 0 with rate_control REEL_RATE_CONTROL_VBR; allowed 1000 to 100000000 bits per second");
        yield return new("cbr bitrate too high", s => { s.RateControl = RateControlMode.Cbr; s.TargetBitrate = 200_000_000; s.Preset = EncoderPreset.Low; }, invalid,
            "bitrate is 200000000 with rate_control REEL_RATE_CONTROL_CBR; allowed 1000 to 100000000");
        yield return new("bitrate with crf", s => s.TargetBitrate = 1_000_000, invalid,
            "bitrate is 1000000 with rate_control REEL_RATE_CONTROL_CRF; allowed only 0 (it applies to REEL_RATE_CONTROL_VBR and REEL_RATE_CONTROL_CBR)");
        yield return new("max bitrate too low", s => s.MaxBitrate = 10, invalid, "max_bitrate is 10; allowed 0 (uncapped) or 1000 to 100000000");
        yield return new("max bitrate with vbr", s => { s.RateControl = RateControlMode.Vbr; s.TargetBitrate = 1_000_000; s.MaxBitrate = 2_000_000; }, invalid,
            "max_bitrate is 2000000 with rate_control REEL_RATE_CONTROL_VBR; allowed only 0 (it caps REEL_RATE_CONTROL_CRF)");
        yield return new("buffer with crf", s => s.BufferSize = 1_000_000, invalid, "buffer_size is 1000000 with rate_control REEL_RATE_CONTROL_CRF; allowed only 0 (it applies to REEL_RATE_CONTROL_CBR)");
        yield return new("cbr buffer too small", s => { s.RateControl = RateControlMode.Cbr; s.TargetBitrate = 1_000_000; s.BufferSize = 1000; }, invalid,
            "buffer_size is 1000 bits (1 ms at bitrate 1000000); allowed 0 (one second) or 20000 to 10000000 bits (20 to 10000 ms)");
        yield return new("preset unknown", s => s.Preset = (EncoderPreset)7, invalid, "preset is 7; allowed REEL_ENCODER_PRESET_MEDIUM (0), REEL_ENCODER_PRESET_LOW (1), REEL_ENCODER_PRESET_HIGH (2), REEL_ENCODER_PRESET_SPEED (3)");
        yield return new("speed preset 14", s => { s.Preset = EncoderPreset.Speed; s.SpeedPreset = 14; }, invalid, "speed_preset is 14; allowed 0 to 13");
        yield return new("speed preset without Speed", s => s.SpeedPreset = 5, invalid, "speed_preset is 5 with preset REEL_ENCODER_PRESET_LOW; allowed only 0 (it applies to REEL_ENCODER_PRESET_SPEED)");
        yield return new("profile high", s => s.Profile = Av1Profile.High, ReelResult.ErrorUnsupported, "profile is REEL_AV1_PROFILE_HIGH; SVT-AV1 with 8-bit 4:2:0 input codes REEL_AV1_PROFILE_MAIN (0)");
        yield return new("level 1.9", s => s.Level = 19, invalid, "level is 19; allowed 0 (automatic) or 20 to 73");
        yield return new("level 4.5", s => s.Level = 45, invalid, "level is 45; allowed 0 (automatic) or 20 to 73 as major * 10 + minor with minor 0 to 3");
        yield return new("tile rows 7", s => s.TileRowsLog2 = 7, invalid, "tile_rows_log2 is 7; allowed 0 to 6");
        yield return new("tile columns 5", s => s.TileColumnsLog2 = 5, invalid, "tile_columns_log2 is 5; allowed 0 to 4");
        yield return new("too many tiles", s => { s.TileRowsLog2 = 4; s.TileColumnsLog2 = 4; }, invalid, "tile_rows_log2 + tile_columns_log2 is 8; allowed 0 to 7 (at most 128 tiles)");
        yield return new("cdef unknown", s => s.Cdef = (FilterSwitch)3, invalid, "cdef is 3; allowed REEL_FILTER_DEFAULT (0), REEL_FILTER_OFF (1), REEL_FILTER_ON (2)");
        yield return new("restoration unknown", s => s.Restoration = (FilterSwitch)(-1), invalid, "restoration is -1; allowed REEL_FILTER_DEFAULT (0), REEL_FILTER_OFF (1), REEL_FILTER_ON (2)");
        yield return new("threads too many", s => s.Threads = 1000, invalid, "threads is 1000; allowed 0 (automatic) to 256");
        yield return new("color unknown", s => s.Color = (ColorDescription)2, invalid, "color is 2; allowed REEL_COLOR_UNSPECIFIED (0), REEL_COLOR_BT709_LIMITED (1)");
        yield return new("cbr at slow preset", s => { s.RateControl = RateControlMode.Cbr; s.TargetBitrate = 1_000_000; s.Preset = EncoderPreset.Speed; s.SpeedPreset = 6; }, invalid,
            "preset is REEL_ENCODER_PRESET_SPEED with speed_preset 6 and rate_control REEL_RATE_CONTROL_CBR; allowed speed 8 to 13");
        yield return new("mini-GOP not a power of two", s => s.MiniGopSize = 12, invalid, "mini_gop_size is 12; allowed 0 (automatic) or 4, 8, 16, 32 frames");
        yield return new("mini-GOP 64", s => s.MiniGopSize = 64, invalid, "mini_gop_size is 64; allowed 0 (automatic) or 4, 8, 16, 32 frames");
        yield return new("mini-GOP above int", s => s.MiniGopSize = uint.MaxValue, invalid, "mini_gop_size is 4294967295; allowed 0 (automatic) or 4, 8, 16, 32 frames");
        yield return new("lookahead 121", s => s.Lookahead = 121, invalid, "lookahead is 121; allowed 0 (automatic) or 1 to 120 frames");
        yield return new("lookahead above int", s => s.Lookahead = uint.MaxValue, invalid, "lookahead is 4294967295; allowed 0 (automatic) or 1 to 120 frames");
        yield return new("prediction unknown", s => s.Prediction = (PredictionStructure)3, invalid,
            "prediction is 3; allowed REEL_PREDICTION_DEFAULT (0), REEL_PREDICTION_RANDOM_ACCESS (1), REEL_PREDICTION_LOW_DELAY (2)");
        yield return new("low delay at slow preset", s => { s.Prediction = PredictionStructure.LowDelay; s.Preset = EncoderPreset.Speed; s.SpeedPreset = 7; }, invalid,
            "preset is REEL_ENCODER_PRESET_SPEED with speed_preset 7 and prediction REEL_PREDICTION_LOW_DELAY; allowed speed 8 to 13 (SVT-AV1 codes low delay at speed 8 or faster)");
        yield return new("low delay with vbr", s => { s.Prediction = PredictionStructure.LowDelay; s.RateControl = RateControlMode.Vbr; s.TargetBitrate = 1_000_000; }, invalid,
            "prediction is REEL_PREDICTION_LOW_DELAY with rate_control REEL_RATE_CONTROL_VBR; SVT-AV1 codes low delay with rate_control REEL_RATE_CONTROL_CRF (0), REEL_RATE_CONTROL_CQP (1), REEL_RATE_CONTROL_CBR (3)");
        yield return new("low delay with mini-GOP 16", s => { s.Prediction = PredictionStructure.LowDelay; s.MiniGopSize = 16; }, invalid,
            "mini_gop_size is 16 with prediction REEL_PREDICTION_LOW_DELAY; allowed 0 (automatic) or 8 frames (SVT-AV1's low-delay group)");
        yield return new("cbr with mini-GOP 32", s => { s.RateControl = RateControlMode.Cbr; s.TargetBitrate = 1_000_000; s.MiniGopSize = 32; }, invalid,
            "mini_gop_size is 32 with rate_control REEL_RATE_CONTROL_CBR; allowed 0 (automatic) or 8 frames (SVT-AV1's low-delay group; REEL_RATE_CONTROL_CBR is coded low delay)");
        yield return new("low delay with lookahead", s => { s.Prediction = PredictionStructure.LowDelay; s.Lookahead = 10; }, invalid,
            "lookahead is 10 with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0 (low delay reads no frame ahead)");
        yield return new("cbr in random access", s => { s.RateControl = RateControlMode.Cbr; s.TargetBitrate = 1_000_000; s.Prediction = PredictionStructure.RandomAccess; }, invalid,
            "prediction is REEL_PREDICTION_RANDOM_ACCESS with rate_control REEL_RATE_CONTROL_CBR; allowed REEL_PREDICTION_DEFAULT or REEL_PREDICTION_LOW_DELAY (SVT-AV1 codes CBR low delay only: in random access it would switch to VBR)");
        yield return new("capped crf in low delay", s => { s.Prediction = PredictionStructure.LowDelay; s.MaxBitrate = 800_000; }, invalid,
            "max_bitrate is 800000 with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0 (SVT-AV1 caps CRF through its temporal model, TPL, which low delay turns off)");
        yield return new("8K at slow preset", s => { s.Width = 7680; s.Height = 4320; s.Preset = EncoderPreset.Speed; s.SpeedPreset = 7; }, invalid,
            "preset is REEL_ENCODER_PRESET_SPEED with speed_preset 7 for 7680x4320; allowed speed 8 to 13 above 21012480 pixels");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void Check_SettingOutOfRange_FailsNamingFieldAndRange(BadSetting bad)
    {
        // The one check of the settings, where a session picks SVT-AV1 (SvtAv1Encoder.Create asserts it).
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        bad.Change(settings);
        ReelResult result = new SvtEncoderFactory().Check(settings, "reel_encoder_create: desc->");
        Assert.That(result, Is.EqualTo(bad.Result), () => LastError.Message);
        Assert.That(LastError.Message, Does.StartWith("reel_encoder_create: desc->" + bad.Message));
    }

    [Test]
    public void Validate_Prefix_IsPrependedToTheField()
    {
        var settings = new EncoderSettings { Width = 0, Height = 240 };
        settings.Validate(SvtAv1Encoder.Capabilities, "reel_encoder_create: settings->");
        Assert.That(LastError.Message, Is.EqualTo("reel_encoder_create: settings->width is 0; allowed 64 to 16384"));
    }

    [TestCase(0, 63)]
    [TestCase(45, 35)]
    [TestCase(50, 32)]
    [TestCase(60, 26)]
    [TestCase(100, 1)]
    public void QuantizerForQuality_DocumentedPoints(int quality, int quantizer)
        => Assert.That(EncoderSettings.QuantizerForQuality(quality), Is.EqualTo(quantizer));

    [Test]
    public void QuantizerForQuality_FallsMonotonicallyOverTheWholeRange()
    {
        for (int quality = 1; quality <= 100; quality++)
            Assert.That(EncoderSettings.QuantizerForQuality(quality), Is.LessThanOrEqualTo(EncoderSettings.QuantizerForQuality(quality - 1)));
        Assert.That(() => EncoderSettings.QuantizerForQuality(101), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(EncoderPreset.Low, 0, 12)]
    [TestCase(EncoderPreset.Medium, 0, 10)]
    [TestCase(EncoderPreset.High, 0, 8)]
    [TestCase(EncoderPreset.Speed, 3, 3)]
    public void EffectiveSpeedPreset_MapsNamedPresets(EncoderPreset preset, int speed, int expected)
        => Assert.That(new EncoderSettings { Preset = preset, SpeedPreset = (uint)speed }.EffectiveSpeedPreset, Is.EqualTo(expected));

    private static IEnumerable<EncoderSettings> ParameterCombinations()
    {
        foreach (RateControlMode mode in Enum.GetValues<RateControlMode>())
        {
            EncoderSettings s = Av1RoundTrip.Small(mode);
            s.Preset = EncoderPreset.High;
            s.KeyframeInterval = 10;
            s.Level = 40;
            s.TileRowsLog2 = 1;
            s.TileColumnsLog2 = 1;
            s.Cdef = FilterSwitch.Off;
            s.Restoration = FilterSwitch.On;
            s.Threads = 1;
            s.Color = ColorDescription.Bt709Limited;
            if (mode == RateControlMode.Crf)
                s.MaxBitrate = 800_000;
            if (mode == RateControlMode.Cbr)
                s.BufferSize = 300_000;
            yield return s;
        }
        // The memory and latency keys, in both structures and with every mode each allows
        // (low delay reads no frame ahead: its look-ahead stays 0).
        var structures = new (PredictionStructure Structure, RateControlMode[] Modes)[]
        {
            (PredictionStructure.RandomAccess, new[] { RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Vbr }),
            (PredictionStructure.LowDelay, new[] { RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Cbr }),
        };
        foreach ((PredictionStructure structure, RateControlMode[] modes) in structures)
        {
            foreach (RateControlMode mode in modes)
            {
                EncoderSettings s = Av1RoundTrip.Small(mode);
                s.Prediction = structure;
                s.MiniGopSize = 8;
                s.Lookahead = structure == PredictionStructure.RandomAccess ? 30u : 0u;
                yield return s;
            }
        }
    }

    [TestCaseSource(nameof(ParameterCombinations))]
    public void Build_EveryKey_IsAcceptedByTheInstalledLibrary(EncoderSettings settings)
    {
        Assert.That(SvtAv1Library.Load(SvtAv1Library.DefaultName, out SvtAv1Library? library), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        void* config = System.Runtime.InteropServices.NativeMemory.AllocZeroed(SvtConstants.ConfigurationBlockSize);
        void* handle = null;
        try
        {
            Assert.That(library!.InitHandle(&handle, null, config), Is.Zero);
            foreach (KeyValuePair<string, string> parameter in SvtParameters.Build(settings))
            {
                byte[] key = System.Text.Encoding.ASCII.GetBytes(parameter.Key + "\0");
                byte[] value = System.Text.Encoding.ASCII.GetBytes(parameter.Value + "\0");
                fixed (byte* k = key)
                fixed (byte* v = value)
                    Assert.That(library.ParseParameter(config, k, v), Is.Zero, $"{parameter.Key}={parameter.Value}");
            }
            Assert.That(library.SetParameter(handle, config), Is.Zero, "svt_av1_enc_set_parameter accepts the whole configuration");
        }
        finally
        {
            if (handle != null)
                library!.DeinitHandle(handle);
            System.Runtime.InteropServices.NativeMemory.Free(config);
        }
    }

    [Test]
    public void Capabilities_DescribeSvtAv1()
    {
        EncoderCapabilities caps = SvtAv1Encoder.Capabilities;
        Assert.That(caps.BackendName, Is.EqualTo("SVT-AV1"));
        Assert.That((caps.MaxWidth, caps.MaxHeight), Is.EqualTo((16384, 8704)));
        Assert.That(caps.Profiles, Is.EqualTo(new[] { Av1Profile.Main }));
        Assert.That(caps.RateControlModes, Is.EquivalentTo(Enum.GetValues<RateControlMode>()));
        Assert.That(caps.KeyframeForcingModes, Is.EquivalentTo(new[] { RateControlMode.Crf, RateControlMode.Cqp }));
        Assert.That((caps.MinSpeedPreset, caps.MaxSpeedPreset), Is.EqualTo((0, 13)));
        Assert.That(caps.PredictionStructures, Is.EquivalentTo(new[] { PredictionStructure.RandomAccess, PredictionStructure.LowDelay }));
        Assert.That(caps.MiniGopSizes, Is.EqualTo(new[] { 4, 8, 16, 32 }));
        Assert.That(caps.MaxLookahead, Is.EqualTo(120));
        Assert.That(caps.LowDelayRateControlModes, Is.EquivalentTo(new[] { RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Cbr }));
        Assert.That((caps.LowDelayMinSpeedPreset, caps.LowDelayMiniGopSizes), Is.EqualTo((8, new[] { 8 })));
        Assert.That(caps.LowDelayKeyframeForcingModes, Is.Empty);
    }

    /// <summary>
    /// What Build sends for the memory and latency settings: hierarchical levels log2 of the
    /// mini-GOP, the look-ahead as is, pred-struct 1 (low delay) / 2 (random access) after "rc"
    /// (which sets low delay for CBR by itself); nothing for the defaults but Reel's own
    /// random-access mini-GOP.
    /// </summary>
    [Test]
    public void Build_MemoryAndLatencySettings_MapToSvtKeys()
    {
        static Dictionary<string, string> Keys(EncoderSettings s)
        {
            var keys = new Dictionary<string, string>();
            foreach (KeyValuePair<string, string> pair in SvtParameters.Build(s))
                keys[pair.Key] = pair.Value;
            return keys;
        }
        EncoderSettings defaults = Av1RoundTrip.Small(RateControlMode.Crf);
        Dictionary<string, string> d = Keys(defaults);
        Assert.That(d.ContainsKey("pred-struct") || d.ContainsKey("lookahead"), Is.False);
        Assert.That(d["hierarchical-levels"], Is.EqualTo("4"), "Reel's default random-access mini-GOP is 16 frames");

        EncoderSettings set = Av1RoundTrip.Small(RateControlMode.Crf);
        set.MiniGopSize = 8;
        set.Lookahead = 5;
        set.Prediction = PredictionStructure.RandomAccess;
        Dictionary<string, string> k = Keys(set);
        Assert.That((k["hierarchical-levels"], k["lookahead"], k["pred-struct"]), Is.EqualTo(("3", "5", "2")));

        EncoderSettings low = Av1RoundTrip.Small(RateControlMode.Crf);
        low.Prediction = PredictionStructure.LowDelay;
        Dictionary<string, string> l = Keys(low);
        Assert.That(l["pred-struct"], Is.EqualTo("1"));
        Assert.That(l.ContainsKey("hierarchical-levels") || l.ContainsKey("enable-force-key-frames"), Is.False,
            "low delay: SVT-AV1 picks its own group of 8 and refuses forced keyframes");

        EncoderSettings cbr = Av1RoundTrip.Small(RateControlMode.Cbr);
        Dictionary<string, string> c = Keys(cbr);
        Assert.That((c["rc"], c.ContainsKey("pred-struct"), c.ContainsKey("hierarchical-levels")), Is.EqualTo(("cbr", false, false)), "rc=cbr selects low delay by itself");
        List<KeyValuePair<string, string>> order = SvtParameters.Build(low);
        Assert.That(order.FindIndex(p => p.Key == "pred-struct"), Is.GreaterThan(order.FindIndex(p => p.Key == "crf")), "pred-struct after the rate control keys");
    }
}
