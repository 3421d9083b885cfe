using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Codecs.Tests.Containers;

/// <summary>Random-access points of real SVT-AV1 output, and seeking to them.</summary>
public class IvfIndexTests
{
    [Test]
    public void RandomAccessPoints_AreExactlyTheEncodersKeyframes_AndSeekingReadsTheRightFrame()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "gop.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf, 160, 96);
        settings.KeyframeInterval = 10;
        List<Packet> packets;
        Assert.That(IvfWriter.Create(path, 160, 96, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (writer)
        {
            packets = Av1RoundTrip.Encode(settings, 35, writer);
            Assert.That(writer!.End("test"), Is.EqualTo(ReelResult.Success));
        }
        int[] keyframes = packets.Select((p, i) => (p, i)).Where(x => x.p.IsKeyframe).Select(x => x.i).ToArray();
        Assert.That(keyframes, Has.Length.GreaterThanOrEqualTo(3), "a keyframe at least every 10 frames");
        for (int i = 0; i < packets.Count; i++)
            Assert.That(Av1TemporalUnit.IsRandomAccessPoint(packets[i].Data), Is.EqualTo(packets[i].IsKeyframe), $"packet {i}");

        Assert.That(IvfReader.Open(path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(IvfIndex.Build(reader!, path, "test", out IvfIndex? index), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(index!.FrameCount, Is.EqualTo(35));
            Assert.That(index.RandomAccessPoints, Is.EqualTo(keyframes));
            Assert.That(index.RandomAccessPointAtOrBefore(0), Is.Zero);
            Assert.That(index.RandomAccessPointAtOrBefore(34), Is.EqualTo(keyframes[^1]));
            int middle = keyframes[1] + 1;
            Assert.That(index.RandomAccessPointAtOrBefore(middle), Is.EqualTo(keyframes[1]));

            Assert.That(reader!.Seek(index.OffsetOf(middle), middle, "test"), Is.EqualTo(ReelResult.Success));
            Assert.That(reader.ReadFrame("test", out IvfFrame frame), Is.EqualTo(ReelResult.Success));
            Assert.That((frame.Index, frame.Pts), Is.EqualTo(((long)middle, index.PtsOf(middle))));
            Assert.That(frame.Span.ToArray(), Is.EqualTo(packets[middle].Data));
        }
    }

    [Test]
    public void Malformed_TemporalUnits_AreNotRandomAccessPoints()
    {
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([]), Is.False);
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x12, 0x00]), Is.False, "a temporal delimiter alone");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x80]), Is.False, "forbidden bit");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), Is.False, "leb128 longer than 8 bytes");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x0A, 0x40, 0x00]), Is.False, "a size past the end");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x32, 0x01, 0x10]), Is.False, "a shown key frame header without a sequence header");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x0A, 0x01, 0x00, 0x32, 0x01, 0x10]), Is.True, "sequence header + shown key frame header");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x0A, 0x01, 0x00, 0x32, 0x01, 0x00]), Is.False, "a key frame that is not shown");
        Assert.That(Av1TemporalUnit.IsRandomAccessPoint([0x0A, 0x01, 0x00, 0x32, 0x01, 0x30]), Is.False, "an inter frame");
    }

    [Test]
    public void Build_WithoutAnyKeyframe_IsCorruptData()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "inter.ivf");
        Assert.That(IvfWriter.Create(path, 16, 16, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success));
        using (writer)
        {
            writer!.WriteFrame(new byte[] { 0x32, 0x01, 0x30 }, 0, "test", "data");
            writer.End("test");
        }
        IvfReader.Open(path, "test", out IvfReader? reader);
        using (reader)
        {
            Assert.That(IvfIndex.Build(reader!, "inter.ivf", "test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Does.Contain("inter.ivf has 1 frames and no key frame"));
        }
    }
}
