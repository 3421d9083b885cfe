using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Containers;
using Reel.Codecs.Conversion;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.RoundTrip;

/// <summary>
/// The pipelines the movie writer and the reel tool will run, end to end, judged by the
/// independent tools: Y4M in (written by FFmpeg), AV1 in IVF out, decoded by the dav1d tool;
/// and RGBA in (a game capture), converted and tagged BT.709, decoded to RGB by FFmpeg.
/// </summary>
public unsafe class PipelineTests
{
    private const int Frames = 10;

    /// <summary>Luma PSNR floor of the Y4M pipeline (quality 60; measured about 45 dB on FFmpeg's testsrc2).</summary>
    private const double Y4mPipelinePsnrFloor = 35.0;

    /// <summary>
    /// RGB PSNR floor of the RGBA pipeline at quality 100 (QP 1), where compression loss is small
    /// and the colour conversion dominates. Measured about 45 dB; decoding with the BT.601
    /// matrix instead (what a player may do without the BT.709 tag) measures about 28 dB, so the
    /// floor catches a wrong matrix, range or tag.
    /// </summary>
    private const double RgbPipelinePsnrFloor = 36.0;

    [Test]
    public void Y4mToIvf_FfmpegInputDav1dOutput_MatchesTheSource()
    {
        using var directory = new TempDirectory();
        string source = directory.File("source.y4m");
        string ivfPath = directory.File("encoded.ivf");
        ExternalTool.Outcome made = ExternalTool.Run(ExternalTool.Require("ffmpeg"), "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
            "-frames:v", Frames.ToString(), "-pix_fmt", "yuv420p", "-y", source);
        Assert.That(made.ExitCode, Is.Zero, made.ToString());

        Assert.That(Y4mReader.Open(source, "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (reader)
        {
            Y4mHeader header = reader!.Header;
            var settings = new EncoderSettings
            {
                Width = (uint)header.Width, Height = (uint)header.Height, FpsNumerator = (uint)header.FpsNumerator, FpsDenominator = (uint)header.FpsDenominator,
                RateControl = RateControlMode.Crf, Quality = 60, Preset = EncoderPreset.Low,
            };
            Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(IvfWriter.Create(ivfPath, header.Width, header.Height, (uint)header.FpsDenominator, (uint)header.FpsNumerator, "test", out IvfWriter? ivf), Is.EqualTo(ReelResult.Success));
            using (encoder)
            using (ivf)
            {
                long pts = 0;
                while (reader.ReadFrame("test", out I420Frame frame) == ReelResult.Success)
                {
                    Assert.That(encoder!.SendFrame(frame, pts++, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    WritePackets(encoder, ivf!);
                }
                Assert.That(reader.IsEndOfStream, Is.True, () => LastError.Message);
                Assert.That(encoder!.Flush("test"), Is.EqualTo(ReelResult.Success));
                WritePackets(encoder, ivf!);
                Assert.That(ivf!.End("test"), Is.EqualTo(ReelResult.Success));
                Assert.That(ivf.FramesWritten, Is.EqualTo(Frames));
            }
        }

        ToolChecks.AssertIvfAccepted(ivfPath, Frames, 320, 240);
        List<double> psnr = ComparePlanes(source, ivfPath + ".dav1d.y4m");
        TestContext.Out.WriteLine($"Y4M pipeline: Y-PSNR of the dav1d tool's output, average {psnr.Average():F2} dB, worst {psnr.Min():F2} dB");
        Assert.That(psnr.Average(), Is.GreaterThan(Y4mPipelinePsnrFloor));
    }

    [Test]
    public void RgbaToIvf_Bt709Tagged_FfmpegDecodesTheSameColours()
    {
        using var directory = new TempDirectory();
        string rgbaPath = directory.File("source.rgba");
        string ivfPath = directory.File("capture.ivf");
        string decodedPath = directory.File("decoded.rgba");
        const int width = 320, height = 240;
        ExternalTool.Outcome made = ExternalTool.Run(ExternalTool.Require("ffmpeg"), "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=30",
            "-frames:v", "4", "-pix_fmt", "rgba", "-f", "rawvideo", "-y", rgbaPath);
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        byte[] rgba = File.ReadAllBytes(rgbaPath);
        int frameBytes = width * height * 4;

        var settings = new EncoderSettings
        {
            Width = width, Height = height, RateControl = RateControlMode.Cqp, Quality = 100, Preset = EncoderPreset.Low,
            Color = ColorDescription.Bt709Limited,
        };
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(I420Buffer.Create(width, height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        Assert.That(IvfWriter.Create(ivfPath, width, height, 1, 30, "test", out IvfWriter? ivf), Is.EqualTo(ReelResult.Success));
        using (encoder)
        using (buffer)
        using (ivf)
        {
            for (int i = 0; i < 4; i++)
            {
                fixed (byte* pixels = &rgba[i * frameBytes])
                    Assert.That(RgbToI420.Convert(pixels, width * 4, width, height, RgbByteOrder.Rgba, buffer!.Frame, "test"), Is.EqualTo(ReelResult.Success));
                Assert.That(encoder!.SendFrame(buffer!.Frame, i, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                WritePackets(encoder, ivf!);
            }
            Assert.That(encoder!.Flush("test"), Is.EqualTo(ReelResult.Success));
            WritePackets(encoder, ivf!);
            Assert.That(ivf!.End("test"), Is.EqualTo(ReelResult.Success));
        }

        double tagged = RgbPsnr(rgba, DecodeToRgba(ivfPath, decodedPath, matrixOverride: null));
        double bt601 = RgbPsnr(rgba, DecodeToRgba(ivfPath, decodedPath, matrixOverride: "bt601"));
        TestContext.Out.WriteLine($"RGBA pipeline: RGB PSNR {tagged:F2} dB decoded by FFmpeg per the stream's tags, {bt601:F2} dB if decoded as BT.601");
        Assert.That(tagged, Is.GreaterThan(RgbPipelinePsnrFloor));
        Assert.That(tagged, Is.GreaterThan(bt601 + 3), "the BT.709 tag is what makes FFmpeg decode the right colours");
    }

    [Test]
    public void IvfToY4m_PooledPicturesWrittenAsViews_MatchTheDav1dTool()
    {
        using var directory = new TempDirectory();
        string ivfPath = directory.File("in.ivf");
        string y4mPath = directory.File("out.y4m");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf, 352, 288);
        Assert.That(IvfWriter.Create(ivfPath, (int)settings.Width, (int)settings.Height, 1, 30, "test", out IvfWriter? ivf), Is.EqualTo(ReelResult.Success));
        using (ivf)
        {
            Av1RoundTrip.Encode(settings, Frames, ivf);
            Assert.That(ivf!.End("test"), Is.EqualTo(ReelResult.Success));
        }

        var allocator = new Reel.Codecs.Decoders.NativePictureAllocator();
        Assert.That(IvfReader.Open(ivfPath, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        Assert.That(Reel.Backend.Software.Dav1d.Dav1dDecoder.Create(new Reel.Codecs.Decoders.DecoderSettings(), allocator, "test", out Reel.Backend.Software.Dav1d.Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        Assert.That(Y4mWriter.Create(y4mPath, (int)settings.Width, (int)settings.Height, 30, 1, "test", out Y4mWriter? y4m), Is.EqualTo(ReelResult.Success));
        using (reader)
        using (decoder)
        using (y4m)
        {
            void Write()
            {
                while (decoder!.GetPicture("test", out Reel.Backend.Software.Dav1d.DecodedPicture picture) == ReelResult.Success)
                {
                    Assert.That(picture.TryGetI420Frame(out I420Frame frame), Is.True);
                    Assert.That(y4m!.WriteFrame(frame, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    Reel.Backend.Software.Dav1d.Dav1dDecoder.ReleasePicture(ref picture);
                }
            }
            while (reader!.ReadFrame("test", out IvfFrame frame) == ReelResult.Success)
            {
                Assert.That(decoder!.SendData(frame.Span, frame.Pts, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Write();
            }
            Assert.That(reader.IsEndOfStream, Is.True, () => LastError.Message);
            decoder!.Flush();
            Write();
            Assert.That(y4m!.Close("test"), Is.EqualTo(ReelResult.Success));
            Assert.That(y4m.FramesWritten, Is.EqualTo(Frames));
        }
        Assert.That(allocator.Outstanding, Is.Zero);

        Assert.That(ToolChecks.Dav1dCliFrames(ivfPath), Is.EqualTo(Frames));
        List<double> psnr = ComparePlanes(ivfPath + ".dav1d.y4m", y4mPath);
        Assert.That(psnr, Is.All.EqualTo(Psnr.Identical), "Reel's decode through pooled pictures equals the dav1d tool's, sample for sample");
    }

    private static void WritePackets(SvtAv1Encoder encoder, IvfWriter ivf)
    {
        while (encoder.ReceivePacket("test", out EncodedPacket packet) == ReelResult.Success)
            Assert.That(ivf.WriteFrame(packet.Span, packet.Pts, "test", "data"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
    }

    private static byte[] DecodeToRgba(string ivfPath, string output, string? matrixOverride)
    {
        var arguments = new List<string> { "-v", "error", "-i", ivfPath };
        if (matrixOverride is not null)
            arguments.AddRange(new[] { "-vf", $"scale=in_color_matrix={matrixOverride}:in_range=tv" });
        arguments.AddRange(new[] { "-pix_fmt", "rgba", "-f", "rawvideo", "-y", output });
        ExternalTool.Outcome decoded = ExternalTool.Run(ExternalTool.Require("ffmpeg"), arguments.ToArray());
        Assert.That(decoded.ExitCode, Is.Zero, decoded.ToString());
        return File.ReadAllBytes(output);
    }

    private static double RgbPsnr(byte[] expected, byte[] actual)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length));
        double squared = 0;
        long samples = 0;
        for (int i = 0; i < expected.Length; i += 4)
        {
            for (int c = 0; c < 3; c++, samples++)
            {
                int d = expected[i + c] - actual[i + c];
                squared += d * d;
            }
        }
        return 10 * Math.Log10(255.0 * 255.0 / (squared / samples));
    }

    private static List<double> ComparePlanes(string sourcePath, string decodedPath)
    {
        Assert.That(Y4mReader.Open(sourcePath, "test", out Y4mReader? source), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(Y4mReader.Open(decodedPath, "test", out Y4mReader? decoded), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var psnr = new List<double>();
        using (source)
        using (decoded)
        {
            while (source!.ReadFrame("test", out I420Frame a) == ReelResult.Success)
            {
                Assert.That(decoded!.ReadFrame("test", out I420Frame b), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                psnr.Add(Psnr.Plane(a.Y, a.YStride, b.Y, b.YStride, a.Width, a.Height));
            }
        }
        Assert.That(psnr, Has.Count.EqualTo(Frames));
        return psnr;
    }
}
