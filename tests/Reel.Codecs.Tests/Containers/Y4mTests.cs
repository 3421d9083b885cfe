using System;
using System.IO;
using System.Text;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Codecs.Tests.Containers;

/// <summary>Y4M writing and reading, interoperation with FFmpeg, and every way a file can be wrong.</summary>
public unsafe class Y4mTests
{
    [Test]
    public void WriteRead_OddSize_PixelsAndHeaderSurvive()
    {
        using var directory = new TempDirectory();
        string path = directory.File("odd.y4m");
        Assert.That(I420Buffer.Create(33, 17, "test", out I420Buffer? source), Is.EqualTo(ReelResult.Success));
        using (source)
        {
            Assert.That(Y4mWriter.Create(path, 33, 17, 30000, 1001, "test", out Y4mWriter? writer), Is.EqualTo(ReelResult.Success));
            using (writer)
            {
                for (int i = 0; i < 3; i++)
                {
                    TestPattern.Fill(source!.Frame, i);
                    Assert.That(writer!.WriteFrame(source.Frame, "test"), Is.EqualTo(ReelResult.Success));
                }
                Assert.That(writer!.Close("test"), Is.EqualTo(ReelResult.Success));
            }
            Assert.That(new FileInfo(path).Length, Is.EqualTo("YUV4MPEG2 W33 H17 F30000:1001 Ip A1:1 C420jpeg\n".Length + 3 * (6 + 33 * 17 + 2 * 17 * 9)));
            Assert.That(Y4mReader.Open(path, "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            using (reader)
            {
                Y4mHeader header = reader!.Header;
                Assert.That((header.Width, header.Height, header.FpsNumerator, header.FpsDenominator), Is.EqualTo((33, 17, 30000, 1001)));
                Assert.That((header.Interlacing, header.AspectNumerator, header.AspectDenominator, header.Colorspace), Is.EqualTo(('p', 1, 1, "420jpeg")));
                for (int i = 0; i < 3; i++)
                {
                    Assert.That(reader.ReadFrame("test", out I420Frame frame), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    TestPattern.Fill(source!.Frame, i);
                    AssertSamePixels(source.Frame, frame);
                }
                Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.NotReady));
                Assert.That(reader.IsEndOfStream, Is.True);
            }
        }
    }

    [Test]
    public void Open_FfmpegOutput_ReadsTheSamePixelsFfmpegDecodes()
    {
        using var directory = new TempDirectory();
        string y4m = directory.File("ffmpeg.y4m");
        string raw = directory.File("ffmpeg.yuv");
        string ffmpeg = ExternalTool.Require("ffmpeg");
        ExternalTool.Outcome made = ExternalTool.Run(ffmpeg, "-v", "error", "-f", "lavfi", "-i", "testsrc=size=66x38:rate=24", "-frames:v", "3", "-pix_fmt", "yuv420p", "-y", y4m);
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        ExternalTool.Outcome rawOut = ExternalTool.Run(ffmpeg, "-v", "error", "-i", y4m, "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", raw);
        Assert.That(rawOut.ExitCode, Is.Zero, rawOut.ToString());
        byte[] expected = File.ReadAllBytes(raw);

        Assert.That(Y4mReader.Open(y4m, "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (reader)
        {
            Assert.That((reader!.Header.Width, reader.Header.Height, reader.Header.FpsNumerator, reader.Header.FpsDenominator), Is.EqualTo((66, 38, 24, 1)));
            int frameSize = (int)reader.FrameSize;
            Assert.That(expected.Length, Is.EqualTo(3 * frameSize));
            for (int i = 0; i < 3; i++)
            {
                Assert.That(reader.ReadFrame("test", out I420Frame frame), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Assert.That(Packed(frame), Is.EqualTo(expected.AsSpan(i * frameSize, frameSize).ToArray()), $"frame {i}");
            }
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.NotReady));
        }
    }

    [Test]
    public void Open_Ffmpeg10BitOutput_FailsAsUnsupportedBitDepth()
    {
        using var directory = new TempDirectory();
        string y4m = directory.File("ten.y4m");
        ExternalTool.Outcome made = ExternalTool.Run(ExternalTool.Require("ffmpeg"), "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48",
            "-frames:v", "1", "-pix_fmt", "yuv420p10le", "-strict", "-1", "-y", y4m);
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        Assert.That(Y4mReader.Open(y4m, "test", out Y4mReader? reader), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(reader, Is.Null);
        Assert.That(LastError.Message, Does.Contain("C (colorspace) is \"420p10\" (10-bit samples); this reader handles 8-bit 4:2:0 only"));
    }

    [TestCase("YUV4MPEG3 W64 H48\n", "is not a YUV4MPEG2 file: it starts with \"YUV4MPEG3 W6\"; expected \"YUV4MPEG2 \"")]
    [TestCase("RIFF....\n", "is not a YUV4MPEG2 file")]
    [TestCase("YUV4MPEG2 H48 F25:1\n", "the header has no W (width) tag")]
    [TestCase("YUV4MPEG2 W64 F25:1\n", "the header has no H (height) tag")]
    [TestCase("YUV4MPEG2 W0 H48\n", "W (width) is \"0\"; allowed 1 to 65536")]
    [TestCase("YUV4MPEG2 Wabc H48\n", "W (width) is \"abc\"; allowed 1 to 65536")]
    [TestCase("YUV4MPEG2 W64 H-5\n", "H (height) is \"-5\"; allowed 1 to 65536")]
    [TestCase("YUV4MPEG2 W64 H48 F25\n", "F (frame rate) is \"25\"; allowed N:D with N and D from 1 to 2147483647, or 0:0 (unknown)")]
    [TestCase("YUV4MPEG2 W64 H48 F25:0\n", "F (frame rate) is \"25:0\"")]
    [TestCase("YUV4MPEG2 W64 H48 Ix\n", "I (interlacing) is \"x\"; allowed p, t, b, m or ?")]
    [TestCase("YUV4MPEG2 W64 H48 A1\n", "A (pixel aspect) is \"1\"")]
    [TestCase("YUV4MPEG2 W64 H48", "the stream header is not terminated by a newline")]
    [TestCase("", "is empty; expected a \"YUV4MPEG2 \" header")]
    public void Open_BadHeader_FailsNamingTheTag(string header, string message)
    {
        Assert.That(Y4mReader.Open(Stream(header), false, "bad.y4m", "test", out Y4mReader? reader), Is.EqualTo(ReelResult.ErrorCorruptData));
        Assert.That(reader, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("test: bad.y4m").And.Contain(message));
    }

    [TestCase("422", "4:2:2 chroma")]
    [TestCase("444", "4:4:4 chroma")]
    [TestCase("444alpha", "4:4:4 chroma with alpha")]
    [TestCase("mono", "monochrome")]
    [TestCase("411", "4:1:1 chroma")]
    [TestCase("422p10", "4:2:2 chroma")]
    [TestCase("420p10", "10-bit samples")]
    [TestCase("420p12", "12-bit samples")]
    [TestCase("xyz", "an unknown colorspace")]
    public void Open_UnsupportedColorspace_FailsAsUnsupported(string colorspace, string description)
    {
        Assert.That(Y4mReader.Open(Stream($"YUV4MPEG2 W64 H48 F25:1 C{colorspace}\n"), false, "c.y4m", "test", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Is.EqualTo(
            $"test: c.y4m: C (colorspace) is \"{colorspace}\" ({description}); this reader handles 8-bit 4:2:0 only (C420jpeg, C420, C420paldv, C420mpeg2 or no C tag)"));
    }

    [TestCase("420jpeg")]
    [TestCase("420")]
    [TestCase("420paldv")]
    [TestCase("420mpeg2")]
    [TestCase(null)]
    public void Open_Every420Siting_IsAccepted(string? colorspace)
    {
        string tag = colorspace is null ? "" : $" C{colorspace}";
        Assert.That(Y4mReader.Open(Stream($"YUV4MPEG2 W4 H2 F25:1 XYSCSS=420JPEG{tag}\nFRAME\n" + new string('A', 12)), false, "ok.y4m", "test", out Y4mReader? reader),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (reader)
        {
            Assert.That(reader!.Header.Colorspace, Is.EqualTo(colorspace ?? "420jpeg"));
            Assert.That(reader.ReadFrame("test", out I420Frame frame), Is.EqualTo(ReelResult.Success));
            Assert.That(frame.V[0], Is.EqualTo((byte)'A'));
        }
    }

    [Test]
    public void ReadFrame_TruncatedFrame_FailsNamingIndexOffsetAndBytes()
    {
        string header = "YUV4MPEG2 W8 H4 F25:1\n";
        string frame = "FRAME\n" + new string('x', 48);
        using Stream stream = Stream(header + frame + "FRAME\n" + new string('y', 20));
        Assert.That(Y4mReader.Open(stream, false, "cut.y4m", "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(reader!.ReadFrame("test", out _), Is.EqualTo(ReelResult.Success));
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Is.EqualTo(
                $"test: cut.y4m: frame 1 at byte offset {header.Length + frame.Length} is truncated: 20 of 48 bytes of picture data"));
        }
    }

    [TestCase("FRAMX\n", "expected \"FRAME\", found \"FRAMX\"")]
    [TestCase("FRA", "expected \"FRAME\", found \"FRA\"")]
    [TestCase("FRAME", "is truncated: 0 of 48 bytes of picture data")]
    public void ReadFrame_BadFrameHeader_FailsNamingIt(string marker, string message)
    {
        using Stream stream = Stream("YUV4MPEG2 W8 H4\n" + marker);
        Assert.That(Y4mReader.Open(stream, false, "m.y4m", "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(reader!.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Does.StartWith("test: m.y4m: frame 0 at byte offset 16").And.Contain(message));
        }
    }

    [Test]
    public void ReadFrameInto_DestinationWithPaddedStrides_FillsOnlyTheVisibleSamples()
    {
        using Stream stream = Stream("YUV4MPEG2 W4 H2\nFRAME\n" + "ABCDEFGH" + "ij" + "kl");
        Assert.That(Y4mReader.Open(stream, false, "s.y4m", "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success));
        byte* memory = stackalloc byte[64];
        new Span<byte>(memory, 64).Fill((byte)'.');
        var destination = new I420Frame(4, 2, memory, 10, memory + 32, 5, memory + 48, 5);
        using (reader)
            Assert.That(reader!.ReadFrameInto(destination, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(Encoding.ASCII.GetString(memory, 24), Is.EqualTo("ABCD......EFGH.........."));
        Assert.That(Encoding.ASCII.GetString(memory + 32, 16), Is.EqualTo("ij.............."));
        Assert.That(Encoding.ASCII.GetString(memory + 48, 7), Is.EqualTo("kl....."));
    }

    [Test]
    public void WriteFrame_WrongDimensions_Fails()
    {
        using var directory = new TempDirectory();
        Assert.That(Y4mWriter.Create(directory.File("w.y4m"), 0, 4, 25, 1, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("test: width is 0; allowed 1 to 65536"));
        Assert.That(Y4mWriter.Create(directory.File("w.y4m"), 8, 4, 25, 1, "test", out Y4mWriter? writer), Is.EqualTo(ReelResult.Success));
        Assert.That(I420Buffer.Create(6, 4, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (writer)
        using (buffer)
        {
            Assert.That(writer!.WriteFrame(buffer!.Frame, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame is 6x4; expected 8x4"));
        }
    }

    private static MemoryStream Stream(string text) => new(Encoding.ASCII.GetBytes(text));

    private static byte[] Packed(in I420Frame frame)
    {
        var bytes = new byte[I420Frame.PackedSize(frame.Width, frame.Height)];
        int at = 0;
        for (int y = 0; y < frame.Height; y++, at += frame.Width)
            new ReadOnlySpan<byte>(frame.Y + y * frame.YStride, frame.Width).CopyTo(bytes.AsSpan(at));
        for (int y = 0; y < frame.ChromaHeight; y++, at += frame.ChromaWidth)
            new ReadOnlySpan<byte>(frame.U + y * frame.UStride, frame.ChromaWidth).CopyTo(bytes.AsSpan(at));
        for (int y = 0; y < frame.ChromaHeight; y++, at += frame.ChromaWidth)
            new ReadOnlySpan<byte>(frame.V + y * frame.VStride, frame.ChromaWidth).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    private static void AssertSamePixels(in I420Frame expected, in I420Frame actual)
        => Assert.That(Packed(actual), Is.EqualTo(Packed(expected)));
}
