using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.FFmpeg.Codecs;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>
/// libx264 / libx265 encode from Reel frame pools, h264 / hevc decode into Reel frame pools,
/// for every rate-control mode: every frame comes back in order above a PSNR floor, ffprobe
/// reads the elementary stream, no frame is copied on either side and nothing stays held.
/// </summary>
public class H26xRoundTripTests
{
    private const int Frames = 20;

    /// <summary>
    /// Average luma PSNR floor for 320x240 at quality 60 (QP/CRF 20) or 600 kbit/s, preset
    /// veryfast: measured 40 to 48 dB here (printed); broken planes, strides or order give under 20.
    /// </summary>
    private const double AveragePsnrFloor = 35.0;

    private const double FramePsnrFloor = 30.0;

    [TestCase(VideoCodec.H264, RateControlMode.Cqp)]
    [TestCase(VideoCodec.H264, RateControlMode.Crf)]
    [TestCase(VideoCodec.H264, RateControlMode.Vbr)]
    [TestCase(VideoCodec.H264, RateControlMode.Cbr)]
    [TestCase(VideoCodec.Hevc, RateControlMode.Cqp)]
    [TestCase(VideoCodec.Hevc, RateControlMode.Crf)]
    [TestCase(VideoCodec.Hevc, RateControlMode.Vbr)]
    [TestCase(VideoCodec.Hevc, RateControlMode.Cbr)]
    public void EncodeDecode_EachRateControl_FramesAbovePsnrFloor_FfprobeAccepts_NoCopies(VideoCodec codec, RateControlMode mode)
    {
        using var directory = new TempDirectory();
        using ContextScope context = H26xHarness.Context();
        EncoderSettings settings = H26xHarness.Settings(codec, mode);
        FFmpegEncoderFactory factory = H26xHarness.Encoder(codec);
        Assert.That(factory.IsAvailable(out string description), Is.True, description);
        Assert.That(factory.Check(settings, ""), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(factory.Create(settings, "test", out IEncoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        List<H26xPacket> packets;
        using (encoder)
        {
            packets = H26xHarness.Encode(context, encoder!, settings, Frames);
            Assert.That(encoder!.FramesHeld, Is.Zero, "the codec let go of every frame");
            Assert.That(((FFmpegVideoEncoder)encoder).FramesDone, Is.EqualTo(Frames), "one release per frame sent");
        }
        Assert.That(packets, Has.Count.EqualTo(Frames), "one packet per frame");
        Assert.That(packets[0].IsKeyframe, Is.True);
        Assert.That(packets.Count(p => p.IsKeyframe), Is.GreaterThanOrEqualTo(2), "keyframe interval 10 over 20 frames");
        Assert.That(packets.Select(p => p.Pts).OrderBy(p => p), Is.EqualTo(Enumerable.Range(0, Frames).Select(i => (long)i)));

        string path = directory.File(codec == VideoCodec.H264 ? $"{mode}.h264" : $"{mode}.hevc");
        H26xHarness.WriteStream(path, packets);
        Dictionary<string, string> probe = ToolChecks.FfprobeStream(path);
        Assert.That(probe.GetValueOrDefault("codec_name"), Is.EqualTo(codec == VideoCodec.H264 ? "h264" : "hevc"), string.Join(", ", probe));
        Assert.That(probe.GetValueOrDefault("width"), Is.EqualTo("320"));
        Assert.That(probe.GetValueOrDefault("height"), Is.EqualTo("240"));
        Assert.That(probe.GetValueOrDefault("nb_read_frames"), Is.EqualTo(Frames.ToString()), "frames ffprobe decoded");

        Assert.That(H26xHarness.Decoder(codec).Create(context, "round trip", new Reel.Codecs.Decoders.DecoderSettings { Codec = codec, Threads = 2 }, 4, "test",
            out IDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        List<H26xFrame> frames;
        using (decoder)
        {
            frames = H26xHarness.Decode(decoder!, packets.Select(p => (p.Data, p.Pts)));
            Assert.That(decoder!.FramesCopied, Is.Zero, "every picture was decoded into its Reel frame");
            var pool = decoder.FramePool;
            Assert.That(pool, Is.Not.Null);
        }
        Assert.That(frames.Select(f => f.Pts), Is.EqualTo(Enumerable.Range(0, Frames).Select(i => (long)i)), "pictures in presentation order");
        Assert.That(frames.All(f => f.Width == 320 && f.Height == 240 && f.Pooled), Is.True);
        double average = frames.Average(f => f.LumaPsnr);
        double worst = frames.Min(f => f.LumaPsnr);
        long bytes = packets.Sum(p => (long)p.Data.Length);
        TestContext.Out.WriteLine($"{codec} {mode}: Y-PSNR average {average:F2} dB, worst {worst:F2} dB, {bytes} bytes ({bytes * 8 * 30 / Frames / 1000} kbit/s); {description}");
        Assert.That(average, Is.GreaterThan(AveragePsnrFloor));
        Assert.That(worst, Is.GreaterThan(FramePsnrFloor));
    }

    [Test]
    public void Cbr_BitrateTracksTheTarget()
    {
        // 60 frames at 30 fps of 320x240 at 400 kbit/s CBR: the stream's rate is near the target.
        using ContextScope context = H26xHarness.Context();
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.H264, RateControlMode.Cbr);
        settings.TargetBitrate = 400_000;
        Assert.That(H26xHarness.Encoder(VideoCodec.H264).Create(settings, "test", out IEncoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (encoder)
        {
            List<H26xPacket> packets = H26xHarness.Encode(context, encoder!, settings, 60);
            double kbps = packets.Sum(p => (long)p.Data.Length) * 8.0 * 30 / 60 / 1000;
            TestContext.Out.WriteLine($"CBR 400 kbit/s: {kbps:F0} kbit/s");
            Assert.That(kbps, Is.InRange(200, 600));
        }
    }
}
