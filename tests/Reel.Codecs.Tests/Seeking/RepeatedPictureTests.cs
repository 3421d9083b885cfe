using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Seeking;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;
using Reel.Reports;

namespace Reel.Codecs.Tests.Seeking;

/// <summary>
/// A stream that shows a frame it already showed: dav1d outputs the same picture buffer again.
/// The file is the av1_random_access fuzz finding (three temporal units; the third shows frame
/// 0's picture once more), where the frame cache handed out frame 0 carrying pts 2 because the
/// repeat's pts was stamped on the buffer the cache already held.
/// </summary>
public class RepeatedPictureTests
{
    private static string File => Path.Combine(TestContext.CurrentContext.TestDirectory, "Data", "repeat-shown-frame.ivf");

    [Test]
    public void AFrameShownAgain_GetsItsOwnBuffer_AndEveryFrameKeepsItsNumber()
    {
        Assert.That(ReelContext.Create(new ContextOptions { Name = "repeat" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        var held = new List<(long Number, Handle Frame)>();
        try
        {
            Assert.That(SeekingDecoder.Open(context!, File, SeekingClip.Options(), "test", out SeekingDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            using (decoder)
            {
                Assert.That(decoder!.DecodeThrough(decoder!.FrameCount - 1, (n, frame) =>
                {
                    Assert.That(Buffers.Retain(frame, "test"), Is.EqualTo(ReelResult.Success));
                    held.Add((n, frame));
                }, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            }
            Assert.That(held, Has.Count.GreaterThanOrEqualTo(2), "the stream shows at least two frames");
            var buffers = new HashSet<ulong>();
            foreach ((long number, Handle frame) in held)
            {
                Assert.That(Buffers.GetFrame(frame, "test", out FrameView view), Is.EqualTo(ReelResult.Success));
                Assert.That(view.Pts, Is.EqualTo(number), "a frame still carries its own number after later frames came out");
                Assert.That(buffers.Add(frame.Value), Is.True, $"frame {number} has a buffer of its own");
            }
        }
        finally
        {
            foreach ((_, Handle frame) in held)
                Buffers.Release(frame, "test");
            Assert.That(OutstandingBuffers.Collect(context!), Is.Empty, "every decoded frame went back");
            ReelContext.Destroy(context!.Handle, "test");
        }
    }
}
