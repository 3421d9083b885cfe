using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.RoundTrip;

/// <summary>
/// SVT-AV1 encode, IVF, dav1d decode, for every rate-control mode: every frame comes back, in
/// order, above a luma PSNR floor, and ffprobe and the dav1d tool accept the file.
/// </summary>
public class EncodeDecodeTests
{
    /// <summary>Frames per test encode: enough for a mini-GOP and look-ahead, small enough for 2 cores.</summary>
    private const int Frames = 20;

    /// <summary>
    /// Average luma PSNR floor in dB for 320x240 at quality 60 (QP 26) or 600 kbit/s, preset Low
    /// (speed 12). Measured 41 to 46 dB on this machine (see the test output); 35 dB leaves room
    /// for other SVT-AV1 builds while failing on any real breakage (wrong planes, strides,
    /// frame order or pts mapping give under 20 dB).
    /// </summary>
    private const double AveragePsnrFloor = 35.0;

    /// <summary>No single frame may fall below this (a keyframe-to-keyframe quality dip is fine, a broken frame is not).</summary>
    private const double FramePsnrFloor = 30.0;

    [TestCase(RateControlMode.Cqp)]
    [TestCase(RateControlMode.Crf)]
    [TestCase(RateControlMode.Vbr)]
    [TestCase(RateControlMode.Cbr)]
    public void EncodeDecode_EachRateControl_AllFramesAbovePsnrFloorAndToolsAccept(RateControlMode mode)
    {
        using var directory = new TempDirectory();
        string path = directory.File($"{mode}.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(mode);
        var clock = Stopwatch.StartNew();
        Assert.That(IvfWriter.Create(path, (int)settings.Width, (int)settings.Height, 1, 30, "test", out IvfWriter? ivf), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        List<Packet> packets;
        using (ivf)
        {
            packets = Av1RoundTrip.Encode(settings, Frames, ivf);
            Assert.That(ivf!.End("test"), Is.EqualTo(ReelResult.Success));
        }
        double encodeSeconds = clock.Elapsed.TotalSeconds;

        var allocator = new NativePictureAllocator();
        List<DecodedFrame> frames = Av1RoundTrip.Decode(packets, allocator);

        Assert.That(packets, Has.Count.EqualTo(Frames), "one temporal unit per frame");
        Assert.That(packets[0].IsKeyframe, Is.True, "the stream starts with a keyframe");
        Assert.That(packets.Select(p => p.Pts), Is.EqualTo(Enumerable.Range(0, Frames).Select(i => (long)i)), "packets in presentation order");
        Assert.That(frames.Select(f => f.Pts), Is.EqualTo(Enumerable.Range(0, Frames).Select(i => (long)i)), "pictures in presentation order");
        Assert.That(frames[0].IsKeyframe, Is.True);
        Assert.That(frames.All(f => f.Width == 320 && f.Height == 240 && f.Layout == PixelLayout.I420 && f.BitDepth == 8), Is.True);
        double average = frames.Average(f => f.LumaPsnr);
        double worst = frames.Min(f => f.LumaPsnr);
        long bytes = packets.Sum(p => (long)p.Data.Length);
        TestContext.Out.WriteLine($"{mode}: Y-PSNR average {average:F2} dB, worst {worst:F2} dB, {bytes} bytes "
            + $"({bytes * 8 * 30 / Frames / 1000} kbit/s), encode+write {encodeSeconds:F2} s");
        Assert.That(average, Is.GreaterThan(AveragePsnrFloor));
        Assert.That(worst, Is.GreaterThan(FramePsnrFloor));
        Assert.That(allocator.Outstanding, Is.Zero, "every picture buffer went back to the allocator");
        Assert.That(allocator.Allocations, Is.EqualTo(allocator.Releases));

        ToolChecks.AssertIvfAccepted(path, Frames, (int)settings.Width, (int)settings.Height);
    }
}
