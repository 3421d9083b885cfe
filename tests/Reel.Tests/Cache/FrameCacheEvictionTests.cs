using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

public class FrameCacheEvictionTests
{
    private const long Budget = 1L << 20;

    [Test]
    public void Insert_MixedSizesUnderPressure_NeverExceedsTheBudgetNorFreesAHeldFrame()
    {
        var pool = new CountingFramePool(4096);
        var config = new FrameCacheConfig { RingSize = 32, LruCapacity = 256, PrefetchDepth = 8, ProducerQueueCapacity = 16, MemoryBudgetBytes = Budget };
        FrameCache cache = CacheFixtures.Create(config, pool);
        var random = new Random(11);
        var held = new Queue<(ulong Frame, long Number)>();
        long position = 500;
        for (int step = 0; step < 20_000; step++)
        {
            position = random.Next(10) == 0 ? random.Next(5000) : Math.Max(0, position + random.Next(-3, 5));
            if (cache.TryGet(position, out ulong frame) == ReelResult.Success)
            {
                held.Enqueue((frame, position));
                if (held.Count > 6)
                {
                    (ulong old, long number) = held.Dequeue();
                    Assert.That(pool.Holds(old, number), Is.True, $"step {step}: a held frame was freed");
                    pool.Release(old);
                }
            }
            while (cache.TryTakeRequest(out FrameRequest request))
                CacheFixtures.Produce(cache, pool, request.FrameNumber, random.Next(10_000, 300_000));
            FrameCacheStats stats = cache.GetStats();
            Assert.That(stats.BytesHeld, Is.LessThanOrEqualTo(Budget), $"step {step}");
            foreach ((ulong f, long n) in held)
                Assert.That(pool.Holds(f, n), Is.True, $"step {step}: held frame {n} was freed by an eviction");
        }
        FrameCacheStats final = cache.GetStats();
        Assert.That(final.Evictions, Is.GreaterThan(1000), "the budget bound, not the counts");
        Assert.That(final.FramesHeld, Is.LessThan(config.RingSize + config.LruCapacity));
        cache.Dispose();
        while (held.Count > 0)
            pool.Release(held.Dequeue().Frame);
        Assert.That(pool.Violations, Is.Zero, pool.FirstViolation);
        Assert.That(pool.Live, Is.Zero, "every frame was released exactly as often as retained");
    }

    [Test]
    public void Insert_BudgetBinds_EvictsLruFramesBeforeTheRingAroundThePlayhead()
    {
        var pool = new CountingFramePool(64);
        var config = new FrameCacheConfig { RingSize = 8, LruCapacity = 8, PrefetchDepth = 0, MemoryBudgetBytes = Budget };
        using FrameCache cache = CacheFixtures.Create(config, pool);
        const long size = 200_000; // five fit in the budget
        foreach (long far in new long[] { 3000, 2000, 1000 })
            CacheFixtures.Produce(cache, pool, far, size);
        for (long f = 0; f < 5; f++)
        {
            CacheFixtures.Produce(cache, pool, f, size);
            cache.TryGet(f, out ulong shown);
            pool.Release(shown);
        }
        Span<ulong> frames = stackalloc ulong[5];
        Assert.That(cache.GetRange(0, frames, out int hits), Is.EqualTo(ReelResult.Success), "the ring frames all stayed");
        Assert.That(hits, Is.EqualTo(5));
        foreach (ulong frame in frames)
            pool.Release(frame);
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.Evictions, stats.LruFrames, stats.BytesHeld), Is.EqualTo((3L, 0, 5 * size)));
        Assert.That(stats.PrefetchWasted, Is.EqualTo(3), "the far frames were never shown");
    }

    [Test]
    public void Eviction_FrameAConsumerHolds_IsReleasedByTheCacheButFreedOnlyByTheConsumer()
    {
        var pool = new CountingFramePool(64);
        // No LRU: a frame pushed out of its ring slot leaves the cache at once.
        var config = new FrameCacheConfig { RingSize = 4, LruCapacity = 0, PrefetchDepth = 0 };
        using FrameCache cache = CacheFixtures.Create(config, pool);
        CacheFixtures.Produce(cache, pool, 0);
        Assert.That(cache.TryGet(0, out ulong held), Is.EqualTo(ReelResult.Success));
        for (long f = 1; f < 40; f++)
            CacheFixtures.Produce(cache, pool, f * 4); // all share ring slot 0 with frame 0
        Span<ulong> probe = stackalloc ulong[1];
        Assert.That(cache.GetRange(0, probe, out _), Is.EqualTo(ReelResult.NotReady), "frame 0 left the cache");
        Assert.That(pool.Holds(held, 0), Is.True, "but the consumer's reference keeps it alive");
        Assert.That(pool.RefCount(held), Is.EqualTo(1));
        long live = pool.Live;
        pool.Release(held);
        Assert.That(pool.Live, Is.EqualTo(live - 1));
        Assert.That(pool.Violations, Is.Zero, pool.FirstViolation);
    }
}
