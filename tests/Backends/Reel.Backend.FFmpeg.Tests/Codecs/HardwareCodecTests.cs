using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.FFmpeg.Codecs;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;
using Reel.Logging;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>
/// The hardware encoders and decoders FFmpeg wraps, found by probing (nothing assumed from the
/// build): each reports usable or the reason, AUTO falls back to software with a warning naming
/// it, and where NVDEC opens, H.264 / HEVC decode through it matches ffmpeg's frames. Without
/// the hardware those tests are skipped with the probe's reason.
/// </summary>
public class HardwareCodecTests
{
    [Test]
    public void EveryHardwareFactory_ReportsUsableOrTheReason()
    {
        var lines = new List<string>();
        foreach (IEncoderFactory factory in FFmpegCodecFactories.Encoders().Where(f => f.Kind == CodecBackend.Hardware))
        {
            bool usable = factory.IsAvailable(out string description);
            lines.Add($"encode {factory.Codec} {factory.Name}: {(usable ? "usable" : "unusable")}: {description}");
            Assert.That(description, Is.Not.Empty);
            if (!usable)
                Assert.That(description, Does.Contain(factory.Name).Or.Contain("/dev/dri").Or.Contain("libcuda").Or.Contain("libva"), "the reason names what is missing");
        }
        foreach (IDecoderFactory factory in FFmpegCodecFactories.Decoders().Where(f => f.Kind == CodecBackend.Hardware))
        {
            bool usable = factory.IsAvailable(out string description);
            lines.Add($"decode {factory.Codec} {factory.Name}: {(usable ? "usable" : "unusable")}: {description}");
            Assert.That(description, Is.Not.Empty);
        }
        foreach (string line in lines)
            TestContext.Out.WriteLine(line);
    }

    [Test]
    public void Auto_WithoutUsableHardware_FallsBackToSoftwareWithTheReason()
    {
        if (FFmpegCodecFactories.Encoders().Any(f => f.Kind == CodecBackend.Hardware && f.Codec == VideoCodec.H264 && f.IsAvailable(out _)))
            Assert.Ignore("a hardware H.264 encoder is usable here: AUTO picks it, there is no fallback to see");
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.H264, RateControlMode.Crf);
        Assert.That(BackendRegistry.SelectEncoder(CodecBackend.Auto, settings, Logger.Silent, "reel_encoder_create", "desc->", out IEncoderFactory? factory),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(factory!.Name, Is.EqualTo("libx264"), "AUTO fell back to software");
        Assert.That(BackendRegistry.SelectEncoder(CodecBackend.Hardware, settings, Logger.Silent, "reel_encoder_create", "desc->", out _),
            Is.EqualTo(ReelResult.ErrorUnsupported));
        TestContext.Out.WriteLine(LastError.Message);
        Assert.That(LastError.Message, Does.Contain("_nvenc").Or.Contain("_qsv"), "HARDWARE names the hardware encoder it tried and why not");
        Assert.That(LastError.Message, Does.Contain("REEL_CODEC_BACKEND_HARDWARE"));
    }

    [TestCase(VideoCodec.H264, "h264_cuvid", "libx264", "h264")]
    [TestCase(VideoCodec.Hevc, "hevc_cuvid", "libx265", "hevc")]
    public void Nvdec_DecodesFfmpegMadeStream_LikeFfmpeg(VideoCodec codec, string decoderName, string encoder, string extension)
    {
        var factory = new FFmpegDecoderFactory(codec, decoderName, CodecBackend.Hardware);
        if (!factory.IsAvailable(out string reason))
            Assert.Ignore($"{decoderName} is not usable here: {reason}");
        using var directory = new TempDirectory();
        string path = directory.File($"nvdec.{extension}");
        H26xHarness.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-frames:v", "30", "-pix_fmt", "yuv420p", "-c:v", encoder, path);
        using ContextScope context = H26xHarness.Context();
        Assert.That(factory.Create(context, "nvdec", new DecoderSettings { Codec = codec }, 4, "test", out IDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        List<H26xFrame> frames;
        using (decoder)
            frames = H26xHarness.Decode(decoder!, H26xHarness.Demux(path), measure: false);
        Assert.That(frames, Has.Count.EqualTo(30));
        TestContext.Out.WriteLine($"{decoderName}: {frames.Count} frames of 640x360");
    }
}
