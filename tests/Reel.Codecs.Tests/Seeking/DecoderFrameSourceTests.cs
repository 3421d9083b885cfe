using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Codecs.Seeking;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;
using Reel.Reports;

namespace Reel.Codecs.Tests.Seeking;

/// <summary>
/// A frame cache fed by a real dav1d decoder reading a real clip: forward play, reverse play,
/// scrubbing and an A–B loop each get every frame with the content a sequential decode shows,
/// reverse play costs one seek per GOP (the decoder fills the GOP on the way), and destroying the
/// cache while the decoder works leaves nothing behind.
/// </summary>
public class DecoderFrameSourceTests : ClipFixture
{
    private const int Frames = 96;
    public DecoderFrameSourceTests() : base(Frames)
    {
    }

    [Test]
    public void ForwardPlay_GetsEveryFrameRight_MostlyFromPrefetch()
    {
        (ContextFrameCache cache, DecoderFrameSource source) = Create();
        int firstTryHits = Play(cache, Enumerable.Range(0, Frames), paceMilliseconds: 4);
        FrameCacheStats stats = cache.Cache.GetStats();
        TestContext.Out.WriteLine($"forward: {firstTryHits}/{Frames} first-try hits, {source.Seeks} seeks, {source.FramesDecoded} frames decoded, prefetch used {stats.PrefetchUsed}");
        Assert.That(source.FramesDecoded, Is.EqualTo(Frames), "sequential play decodes each frame once");
        Assert.That(source.Seeks, Is.EqualTo(1), "one seek, to frame 0");
        Assert.That(firstTryHits, Is.GreaterThanOrEqualTo(Frames * 3 / 4), "prefetch keeps ahead of a 250 fps playhead");
        Destroy(cache);
    }

    [Test]
    public void ReversePlay_SeeksOncePerGop_AndGetsEveryFrameRight()
    {
        (ContextFrameCache cache, DecoderFrameSource source) = Create();
        Play(cache, Enumerable.Range(0, Frames).Reverse(), paceMilliseconds: 0);
        TestContext.Out.WriteLine($"reverse: {source.Seeks} seeks, {source.FramesDecoded} frames decoded for {Frames} frames ({Clip.KeyFrames.Count} GOPs)");
        Assert.That(source.Seeks, Is.LessThanOrEqualTo(Clip.KeyFrames.Count + 2), "a request for the end of a GOP fills the whole GOP");
        Assert.That(source.FramesDecoded, Is.LessThan(2 * Frames), "not a decode from the keyframe for every frame (that would be ~6x)");
        Destroy(cache);
    }

    [Test]
    public void ScrubbingAndLooping_GetEveryFrameRight()
    {
        (ContextFrameCache cache, DecoderFrameSource source) = Create();
        var random = new Random(7);
        Play(cache, Enumerable.Range(0, 40).Select(_ => random.Next(Frames)), paceMilliseconds: 0);
        Play(cache, Enumerable.Repeat(Enumerable.Range(50, 20), 3).SelectMany(x => x), paceMilliseconds: 0);
        Assert.That(source.Abandoned, Is.Zero);
        Destroy(cache);
    }

    [Test]
    public void FrameCount_ComesFromTheFile_AndFramesPastItAreNeverRequested()
    {
        (ContextFrameCache cache, DecoderFrameSource source) = Create();
        Assert.That(cache.Cache.TryGet(Frames + 5, out _), Is.EqualTo(ReelResult.NotReady));
        Assert.That(cache.Cache.GetStats().DemandRequests, Is.Zero, "a frame past the file's end is not requested");
        Play(cache, new[] { Frames - 1 }, paceMilliseconds: 0);
        Assert.That(source.FrameCount, Is.EqualTo(Frames));
        Assert.That(source.Abandoned, Is.Zero, "prefetch stops at the end of the file");
        Destroy(cache);
    }

    [Test]
    public void Destroy_WhileTheDecoderWorks_StopsItAndReleasesEverything()
    {
        for (int round = 0; round < 5; round++)
        {
            (ContextFrameCache cache, _) = Create();
            Assert.That(cache.Cache.TryGet(Frames - 1, out _), Is.EqualTo(ReelResult.NotReady));
            Thread.Sleep(round);
            Destroy(cache);
            Assert.That(OutstandingBuffers.Collect(Context), Is.Empty, $"round {round}");
        }
    }

    [Test]
    public void ContextDestroy_StopsTheDecoderOfACacheStillAlive()
    {
        (ContextFrameCache cache, _) = Create();
        Assert.That(cache.Cache.TryGet(40, out _), Is.EqualTo(ReelResult.NotReady));
        ReelContext.Destroy(Context.Handle, "test");
        Assert.That(ContextFrameCache.Resolve(cache.Handle, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        CreateContext();  // for TearDown
    }

    private (ContextFrameCache, DecoderFrameSource) Create()
    {
        Assert.That(SeekingDecoder.OpenIvf(Context, Clip.Path, SeekingClip.Options(framesHeld: 64 + 64 + 8), "test", out SeekingDecoder? decoder),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var source = new DecoderFrameSource(decoder!, Context, "feed", "test");
        var config = new FrameCacheConfig { RingSize = 32, LruCapacity = 64, PrefetchDepth = 16, ProducerQueueCapacity = 32, MemoryBudgetBytes = 64L << 20 };
        Assert.That(ContextFrameCache.Create(Context, "feed", config, source, 0, "test", out ContextFrameCache? cache), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return (cache!, source);
    }

    /// <summary>Shows each frame: waits (up to 10 s) until it is in the cache, checks its content; returns the frames found at the first try.</summary>
    private int Play(ContextFrameCache cache, System.Collections.Generic.IEnumerable<int> frames, int paceMilliseconds)
    {
        int firstTry = 0;
        foreach (int n in frames)
        {
            var waited = Stopwatch.StartNew();
            ReelResult result;
            ulong frame;
            bool first = true;
            while ((result = cache.Cache.TryGet(n, out frame)) == ReelResult.NotReady)
            {
                first = false;
                Assert.That(waited.Elapsed.TotalSeconds, Is.LessThan(10), $"frame {n} never arrived");
                Thread.Sleep(1);
            }
            Assert.That(result, Is.EqualTo(ReelResult.Success), () => LastError.Message);
            if (first)
                firstTry++;
            Assert.That(SeekingClip.Checksum(new Handle(frame)), Is.EqualTo(Clip.Checksums[n]), $"frame {n}");
            Assert.That(Buffers.GetFrame(new Handle(frame), "test", out FrameView view), Is.EqualTo(ReelResult.Success));
            Assert.That(view.Pts, Is.EqualTo(n), "pts is the frame number");
            Buffers.Release(new Handle(frame), "test");
            if (paceMilliseconds > 0)
                Thread.Sleep(paceMilliseconds);
        }
        return firstTry;
    }

    private static void Destroy(ContextFrameCache cache) =>
        Assert.That(ContextFrameCache.Destroy(cache.Handle, "test"), Is.EqualTo(ReelResult.Success));
}
