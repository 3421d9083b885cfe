using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Seeking;
using Reel.Context;
using Reel.Errors;
using Reel.Reports;

namespace Reel.Codecs.Tests.Seeking;

/// <summary>Decoding any frame of a real clip by seeking to the keyframe before it, checked against a sequential decode.</summary>
public class SeekingDecoderTests : ClipFixture
{
    public SeekingDecoderTests() : base(60)
    {
    }

    [Test]
    public void AnyFrame_AfterASeek_IsTheFrameASequentialDecodeShows()
    {
        using SeekingDecoder decoder = Open();
        foreach (int target in new[] { 37, 5, 44, 14, 59, 0, 30, 31, 23 })
        {
            var delivered = new List<long>();
            Assert.That(decoder.DecodeThrough(target, (n, frame) =>
            {
                Assert.That(SeekingClip.Checksum(frame), Is.EqualTo(Clip.Checksums[n]), $"frame {n} on the way to {target}");
                delivered.Add(n);
            }, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(delivered[^1], Is.EqualTo(target), "the target is the last frame delivered");
            Assert.That(delivered, Is.EqualTo(Enumerable.Range((int)delivered[0], delivered.Count).Select(i => (long)i)), "frames come in order, none skipped");
        }
    }

    [Test]
    public void GoingForward_WithoutAKeyframeBetween_DecodesOnWithoutSeeking()
    {
        using SeekingDecoder decoder = Open();
        int gop = Clip.KeyFrames[1];
        var delivered = new List<long>();
        void Through(int target) => Assert.That(decoder.DecodeThrough(target, (n, _) => delivered.Add(n), "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);

        Through(3);
        Assert.That((decoder.Seeks, delivered), Is.EqualTo((1L, new List<long> { 0, 1, 2, 3 })));
        delivered.Clear();
        Through(gop - 1);
        Assert.That(decoder.Seeks, Is.EqualTo(1), "frames 4.. follow on from where the decoder stands");
        Assert.That(delivered[0], Is.EqualTo(4));
        delivered.Clear();
        Through(gop);
        Assert.That((decoder.Seeks, delivered), Is.EqualTo((1L, new List<long> { gop })), "the keyframe is the next frame: going on is as cheap as seeking");
        delivered.Clear();
        Through(Clip.KeyFrames[2] + 1);
        Assert.That(decoder.Seeks, Is.EqualTo(2), "a keyframe lies between: seek to it");
        Assert.That(delivered[0], Is.EqualTo(Clip.KeyFrames[2]));
        delivered.Clear();
        Through(Clip.KeyFrames[2]);
        Assert.That(decoder.Seeks, Is.EqualTo(3), "a frame behind the decoder needs a seek");
        Assert.That(delivered, Is.EqualTo(new List<long> { Clip.KeyFrames[2] }));
    }

    [Test]
    public void FramesOutsideTheFile_AreInvalidArguments_AndTheDecoderStaysUsable()
    {
        using SeekingDecoder decoder = Open();
        Assert.That(decoder.DecodeThrough(60, (_, _) => { }, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("frame 60").And.Contain("allowed 0 to 59"));
        Assert.That(decoder.DecodeThrough(-1, (_, _) => { }, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(decoder.DecodeThrough(59, (_, _) => { }, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(decoder.FramesDecoded, Is.EqualTo(60 - Clip.KeyFrames[^1]));
    }

    [Test]
    public void Cancel_EndsADecodeAtItsNextFrame()
    {
        using SeekingDecoder decoder = Open();
        int seen = 0;
        Assert.That(decoder.DecodeThrough(59, (_, _) =>
        {
            if (++seen == 2)
                decoder.Cancel();
        }, "test"), Is.EqualTo(ReelResult.NotReady));
        Assert.That(seen, Is.EqualTo(2));
    }

    [Test]
    public void CorruptPackets_FailTheirGopOnly_AndTheNextSeekDecodesCleanly()
    {
        string damaged = Path.Combine(Path.GetTempPath(), $"reel-damaged-{System.Environment.ProcessId}.ivf");
        byte[] bytes = File.ReadAllBytes(Clip.Path);
        // Overwrite the payload of every packet of the second GOP after its keyframe with noise.
        Assert.That(IvfReader.Open(Clip.Path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(IvfIndex.Build(reader!, Clip.Path, "test", out IvfIndex? index), Is.EqualTo(ReelResult.Success));
            var random = new System.Random(3);
            for (int frame = Clip.KeyFrames[1] + 1; frame < Clip.KeyFrames[2]; frame++)
            {
                long start = index!.OffsetOf(frame) + 12;
                int size = System.BitConverter.ToInt32(bytes, (int)index.OffsetOf(frame));
                for (int i = 0; i < size; i++)
                    bytes[start + i] = (byte)random.Next(256);
            }
        }
        File.WriteAllBytes(damaged, bytes);
        try
        {
            Assert.That(SeekingDecoder.Open(Context, damaged, SeekingClip.Options(), "test", out SeekingDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            using (decoder)
            {
                ReelResult result = decoder!.DecodeThrough(Clip.KeyFrames[2] - 1, (_, _) => { }, "test");
                Assert.That(result == ReelResult.Success || (int)result < 0, Is.True, $"{result}: a result, never a crash");
                if (result != ReelResult.Success)
                    Assert.That(LastError.Message, Is.Not.Empty);
                int clean = Clip.KeyFrames[2] + 2;
                Assert.That(decoder.DecodeThrough(clean, (n, frame) => Assert.That(SeekingClip.Checksum(frame), Is.EqualTo(Clip.Checksums[n]), $"frame {n}"), "test"),
                    Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Assert.That(decoder.DecodeThrough(3, (n, frame) => Assert.That(SeekingClip.Checksum(frame), Is.EqualTo(Clip.Checksums[n]), $"frame {n}"), "test"),
                    Is.EqualTo(ReelResult.Success), () => LastError.Message);
            }
        }
        finally
        {
            File.Delete(damaged);
        }
    }

    [Test]
    public void Open_NamesTheFunctionAndTheProblem()
    {
        Assert.That(SeekingDecoder.Open(Context, Path.Combine(Path.GetTempPath(), "reel-no-such-file.ivf"), SeekingClip.Options(), "reel_test", out _),
            Is.EqualTo(ReelResult.ErrorIo));
        Assert.That(LastError.Message, Does.StartWith("reel_test: cannot open").And.Contain("reel-no-such-file.ivf"));

        string text = Path.Combine(Path.GetTempPath(), $"reel-not-ivf-{System.Environment.ProcessId}.ivf");
        File.WriteAllText(text, "this is not an IVF file at all, just text long enough for a header");
        try
        {
            Assert.That(SeekingDecoder.Open(Context, text, SeekingClip.Options(), "reel_test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Does.StartWith("reel_test: ").And.Contain("expected \"DKIF\""));
        }
        finally
        {
            File.Delete(text);
        }
    }

    private SeekingDecoder Open()
    {
        Assert.That(SeekingDecoder.Open(Context, Clip.Path, SeekingClip.Options(), "test", out SeekingDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return decoder!;
    }
}
