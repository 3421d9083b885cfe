using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Svt;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Errors;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>
/// AUTO / SOFTWARE / HARDWARE selection among registered encoder backends: the seam a GPU
/// encoder plugs into. The hardware entries here are descriptions of a backend (available or
/// not, accepting or refusing settings); no codec library is faked, and nothing is encoded.
/// </summary>
public class BackendSelectionTests
{
    /// <summary>A hardware backend as the registry sees it: a name, an availability, the SVT-AV1 ranges.</summary>
    private sealed class HardwareDescription : IEncoderFactory
    {
        private readonly bool _available;
        private readonly int _maxWidth;

        public HardwareDescription(bool available, int maxWidth = 4096)
        {
            _available = available;
            _maxWidth = maxWidth;
        }

        public CodecBackend Kind => CodecBackend.Hardware;

        public VideoCodec Codec => VideoCodec.Av1;

        public FrameInputs Inputs => FrameInputs.VulkanImage;

        public string Name => "GPU AV1";

        public EncoderCapabilities Capabilities => SvtAv1Encoder.Capabilities;

        public bool IsAvailable(out string description)
        {
            description = _available ? "GPU AV1 (test description)" : "the device has no AV1 encode queue";
            return _available;
        }

        public ReelResult Check(EncoderSettings settings, string prefix)
            => settings.Width <= _maxWidth ? ReelResult.Success : CodecErrors.Unsupported($"{prefix}width is {settings.Width}; this GPU encodes up to {_maxWidth}");

        public ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder)
        {
            encoder = null;
            return CodecErrors.Unsupported("not used by these tests");
        }
    }

    private static readonly EncoderSettings s_settings = new() { Width = 1920, Height = 1080 };

    [SetUp]
    public void Clear() => LogCapture.Clear();

    [Test]
    public void Auto_WithoutHardware_PicksSoftwareAndWarns()
    {
        var all = new List<IEncoderFactory> { new SvtEncoderFactory() };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Auto, s_settings, LogCapture.Create(), "f", "f: desc->", out IEncoderFactory? chosen),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(chosen!.Kind, Is.EqualTo(CodecBackend.Software));
        Assert.That(LogCapture.Messages, Has.Exactly(1).Matches<(LogLevel Level, string Message)>(m =>
            m.Level == LogLevel.Warning && m.Message.Contains("backend AUTO: no hardware AV1 encoder is registered") && m.Message.Contains("SVT-AV1")));
    }

    [Test]
    public void Auto_WithAvailableHardware_PicksItSilently()
    {
        var hardware = new HardwareDescription(available: true);
        var all = new List<IEncoderFactory> { hardware, new SvtEncoderFactory() };
        var settings = new EncoderSettings { Width = 1280, Height = 720 };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Auto, settings, LogCapture.Create(), "f", "f: desc->", out IEncoderFactory? chosen),
            Is.EqualTo(ReelResult.Success));
        Assert.That(chosen, Is.SameAs(hardware));
        Assert.That(LogCapture.Messages, Is.Empty);
    }

    [Test]
    public void Auto_HardwareRefusesTheSettings_FallsBackNamingWhy()
    {
        var all = new List<IEncoderFactory> { new HardwareDescription(available: true, maxWidth: 1280), new SvtEncoderFactory() };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Auto, s_settings, LogCapture.Create(), "f", "f: desc->", out IEncoderFactory? chosen),
            Is.EqualTo(ReelResult.Success));
        Assert.That(chosen!.Kind, Is.EqualTo(CodecBackend.Software));
        Assert.That(LogCapture.Messages[0].Message, Does.Contain("GPU AV1: f: desc->width is 1920; this GPU encodes up to 1280"));
    }

    [Test]
    public void Hardware_Unavailable_IsUnsupportedWithTheReason()
    {
        var all = new List<IEncoderFactory> { new HardwareDescription(available: false), new SvtEncoderFactory() };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Hardware, s_settings, LogCapture.Create(), "f", "f: desc->", out _),
            Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("REEL_CODEC_BACKEND_HARDWARE: GPU AV1: the device has no AV1 encode queue"));
    }

    [Test]
    public void Software_NeverLooksAtHardware()
    {
        var all = new List<IEncoderFactory> { new HardwareDescription(available: true), new SvtEncoderFactory() };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Software, s_settings, LogCapture.Create(), "f", "f: desc->", out IEncoderFactory? chosen),
            Is.EqualTo(ReelResult.Success));
        Assert.That(chosen!.Kind, Is.EqualTo(CodecBackend.Software));
        Assert.That(LogCapture.Messages, Is.Empty);
    }

    [Test]
    public void SoftwareSettingsCheck_NamesTheFieldWithThePrefix()
    {
        var all = new List<IEncoderFactory> { new SvtEncoderFactory() };
        var settings = new EncoderSettings { Width = 1920, Height = 1080, RateControl = RateControlMode.Cbr, TargetBitrate = 2_000_000, Preset = EncoderPreset.Speed, SpeedPreset = 5 };
        Assert.That(BackendRegistry.SelectEncoder(all, CodecBackend.Software, settings, LogCapture.Create(), "f", "reel_encoder_create: desc->", out _),
            Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("reel_encoder_create: desc->preset is REEL_ENCODER_PRESET_SPEED with speed_preset 5 and rate_control REEL_RATE_CONTROL_CBR; allowed speed 8 to 13"));
    }
}
