using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

/// <summary>Small caches and frames for the unit tests.</summary>
internal static class CacheFixtures
{
    /// <summary>Ring 8, LRU 8, depth 4, queue 8, 1 GiB: counts bind, never the budget.</summary>
    public static FrameCacheConfig Small => new()
    {
        RingSize = 8, LruCapacity = 8, PrefetchDepth = 4, ProducerQueueCapacity = 8, MemoryBudgetBytes = 1L << 30,
    };

    /// <summary>Creates a cache that must be valid.</summary>
    public static FrameCache Create(FrameCacheConfig config, IFrameLifetime frames, IFrameSource? source = null)
    {
        Assert.That(FrameCache.Create(config, frames, source, "test", out FrameCache? cache), Is.EqualTo(ReelResult.Success));
        return cache!;
    }

    /// <summary>Allocates frame <paramref name="frameNumber"/>, inserts it, and drops the producer's reference.</summary>
    public static ulong Produce(FrameCache cache, CountingFramePool pool, long frameNumber, long size = 1000)
    {
        ulong frame = pool.Allocate(frameNumber, size);
        Assert.That(cache.Insert(frameNumber, frame), Is.EqualTo(ReelResult.Success));
        pool.Release(frame);
        return frame;
    }
}
