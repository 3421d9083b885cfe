using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

/// <summary>
/// The editor's traces played on a virtual clock against the cache fed by a simulated decoder
/// (see <see cref="PlaybackSimulator"/>); the same runs as tests/Reel.CacheBench.
/// </summary>
public class FrameCacheTraceTests
{
    /// <summary>Issue 7's targets, and the loop, which must hold once the loop is cached.</summary>
    private static double Target(string trace) => trace switch
    {
        "forward" => 0.99,
        "reverse" => 0.95,
        "scrub" => 0.60,
        _ => 0.99,
    };

    private static long[] TraceNamed(string trace) => trace switch
    {
        "forward" => Workloads.ForwardTrace(),
        "reverse" => Workloads.ReverseTrace(),
        "scrub" => Workloads.ScrubTrace(),
        _ => Workloads.LoopTrace(),
    };

    private static (PlaybackResult Result, FrameCacheStats Stats) Play(FrameCacheConfig config, DecoderModel model, long[] trace, CountingFramePool pool)
    {
        FrameCache cache = CacheFixtures.Create(config, pool);
        cache.SetFrameCount(model.FrameCount);
        var simulator = new PlaybackSimulator(pool)
        {
            // Checked at every step: refcounts, budget, queue capacity.
            AfterAccess = i =>
            {
                FrameCacheStats now = cache.GetStats();
                if (pool.Violations != 0 || now.BytesHeld > config.MemoryBudgetBytes || now.QueueDepth > config.ProducerQueueCapacity)
                    Assert.Fail($"access {i}: {pool.Violations} refcount violations ({pool.FirstViolation}), {now.BytesHeld} bytes held, queue {now.QueueDepth}");
            },
        };
        PlaybackResult result = simulator.Run(new ReelSimulatedCache(cache), model, insertsFramesOnTheWay: true, trace);
        FrameCacheStats stats = cache.GetStats();
        cache.Dispose();
        Assert.That(pool.Live, Is.Zero, "no frame leaked");
        Assert.That(pool.Violations, Is.Zero, pool.FirstViolation);
        return (result, stats);
    }

    [Test]
    public void Play_TraceOnPreset_MeetsItsHitRateTarget(
        [Values("forward", "reverse", "scrub", "loop")] string trace,
        [Values] FrameCachePreset preset)
    {
        var pool = new CountingFramePool(1 << 14);
        (PlaybackResult result, FrameCacheStats stats) = Play(FrameCacheConfig.ForPreset(preset), Workloads.ModelFor(preset), TraceNamed(trace), pool);
        TestContext.Out.WriteLine($"{preset} {trace}: hit rate {result.HitRate:P2}, stalled {result.StallMicroseconds / 1e6:F2} s, " +
            $"prefetch issued {stats.PrefetchIssued} used {stats.PrefetchUsed} wasted {stats.PrefetchWasted}");
        Assert.That(result.HitRate, Is.GreaterThanOrEqualTo(Target(trace)));
        Assert.That((stats.Hits, stats.Misses), Is.EqualTo((result.Hits, result.Misses)), "the cache counts what the player saw");
    }

    [TestCase("forward", AccessPattern.Forward)]
    [TestCase("reverse", AccessPattern.Reverse)]
    [TestCase("loop", AccessPattern.Loop)]
    public void Play_SequentialTrace_IsRecognisedAsItsPattern(string trace, AccessPattern expected)
    {
        var pool = new CountingFramePool(1 << 14);
        (PlaybackResult result, FrameCacheStats stats) = Play(FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p),
            Workloads.ModelFor(FrameCachePreset.Hd1080p), TraceNamed(trace), pool);
        PatternStats pattern = stats.For(expected);
        Assert.That(pattern.Hits + pattern.Misses, Is.GreaterThanOrEqualTo((long)(0.9 * (result.Hits + result.Misses))),
            $"at least 90 % of the accesses are classified {expected}");
        Assert.That(pattern.HitRate, Is.GreaterThanOrEqualTo(0.99));
    }

    [Test]
    public void Play_ScrubTrace_IsMostlyScrubbingAndWastesSomePrefetch()
    {
        var pool = new CountingFramePool(1 << 14);
        (_, FrameCacheStats stats) = Play(FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p),
            Workloads.ModelFor(FrameCachePreset.Hd1080p), Workloads.ScrubTrace(), pool);
        Assert.That(stats.Scrub.Hits + stats.Scrub.Misses, Is.GreaterThan(stats.Hits + stats.Misses - stats.Scrub.Hits - stats.Scrub.Misses),
            "scrubbing is the most frequent pattern");
        Assert.That(stats.PrefetchUsed, Is.GreaterThan(0));
        Assert.That(stats.PrefetchWasted, Is.GreaterThan(0), "a drag that turns leaves predictions unused");
        Assert.That(stats.PrefetchCancelled, Is.GreaterThan(0), "and cancels requests not yet decoded");
    }

    [TestCase("forward")]
    [TestCase("reverse")]
    [TestCase("scrub")]
    [TestCase("loop")]
    public void Play_Trace_BeatsAPlainLruOfEqualMemory(string trace)
    {
        FrameCacheConfig config = FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p);
        DecoderModel model = Workloads.ModelFor(FrameCachePreset.Hd1080p);
        long[] frames = TraceNamed(trace);
        var pool = new CountingFramePool(1 << 14);
        (PlaybackResult reel, _) = Play(config, model, frames, pool);
        var simulator = new PlaybackSimulator(pool);
        foreach (bool keepsFramesOnTheWay in new[] { false, true })
        {
            var lru = new PlainLruCache("LRU", pool, config.RingSize + config.LruCapacity, config.MemoryBudgetBytes);
            PlaybackResult baseline = simulator.Run(lru, model, keepsFramesOnTheWay, frames);
            lru.Clear();
            Assert.That(reel.HitRate, Is.GreaterThanOrEqualTo(baseline.HitRate), $"LRU keeping frames on the way: {keepsFramesOnTheWay}");
            Assert.That(reel.StallMicroseconds, Is.LessThanOrEqualTo(baseline.StallMicroseconds));
        }
        Assert.That(pool.Live, Is.Zero);
    }

    [TestCase(12, 2_000)]
    [TestCase(60, 4_000)]
    [TestCase(120, 2_000)]
    public void Play_OtherGopAndDecodeCost_StillServesPlayback(int gop, long decodeMicroseconds)
    {
        FrameCacheConfig config = FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p);
        var model = new DecoderModel { GopLength = gop, DecodeMicroseconds = decodeMicroseconds, FrameCount = Workloads.ClipFrames };
        var pool = new CountingFramePool(1 << 14);
        (PlaybackResult forward, _) = Play(config, model, Workloads.ForwardTrace(), pool);
        (PlaybackResult reverse, _) = Play(config, model, Workloads.ReverseTrace(), pool);
        Assert.That(forward.HitRate, Is.GreaterThanOrEqualTo(0.99));
        Assert.That(reverse.HitRate, Is.GreaterThanOrEqualTo(0.95), "the ring and LRU hold a whole GOP ahead");
    }

    [Test]
    public void Play_DecoderSlowerThanRealTime_CannotStayAhead()
    {
        // 40 ms per frame against a 33 ms display period: the simulation must show the stalls.
        var model = new DecoderModel { GopLength = 30, DecodeMicroseconds = 40_000, FrameCount = Workloads.ClipFrames };
        var pool = new CountingFramePool(1 << 14);
        (PlaybackResult result, _) = Play(FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p), model, Workloads.ForwardTrace(), pool);
        Assert.That(result.HitRate, Is.LessThan(0.5));
        Assert.That(result.StallMicroseconds, Is.GreaterThan(10_000_000), "more than 10 s of waiting over 100 s of play");
    }
}
