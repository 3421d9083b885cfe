using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

public class FrameCacheAllocationTests
{
    [Test]
    public void GetInsertTakeRange_SteadyState_AllocateNothing()
    {
        var pool = new CountingFramePool(4096);
        using FrameCache cache = CacheFixtures.Create(FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p), pool);
        var state = new Workload(cache, pool);
        state.Run(50_000); // warm up: fill ring and LRU, start evicting, compile every path

        long before = GC.GetAllocatedBytesForCurrentThread();
        state.Run(200_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        FrameCacheStats stats = cache.GetStats();
        Assert.That(allocated, Is.Zero, "bytes allocated by 200000 rounds of get/take/insert/release");
        Assert.That(stats.Hits, Is.GreaterThan(100_000));
        Assert.That(stats.Misses, Is.GreaterThan(1_000), "misses and their requests are on the measured path too");
        Assert.That(stats.Evictions, Is.GreaterThan(100_000), "and evictions");
        Assert.That(stats.RangeHits + stats.RangeMisses, Is.GreaterThan(0));
        Assert.That(pool.Violations, Is.Zero, pool.FirstViolation);
    }

    /// <summary>Forward play, reverse play and jumps in turn, served by an instant producer; no allocation of its own.</summary>
    private sealed class Workload
    {
        private readonly FrameCache _cache;
        private readonly CountingFramePool _pool;
        private readonly ulong[] _range = new ulong[4];
        private long _position = 1000;
        private uint _seed = 12345;

        public Workload(FrameCache cache, CountingFramePool pool)
        {
            _cache = cache;
            _pool = pool;
        }

        public void Run(int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                int phase = i / 500 % 3;
                _seed = _seed * 1664525 + 1013904223;
                _position = phase switch
                {
                    0 => _position + 1,
                    1 => Math.Max(0, _position - 1),
                    _ => _seed % 64 == 0 ? _seed % 20_000 : _position + (_seed >> 28) - 7,
                };
                _position = Math.Max(0, _position);
                if (_cache.TryGet(_position, out ulong frame) == ReelResult.Success)
                    _pool.Release(frame);
                if (i % 97 == 0)
                {
                    _cache.GetRange(_position, _range, out _);
                    foreach (ulong f in _range)
                    {
                        if (f != 0)
                            _pool.Release(f);
                    }
                }
                while (_cache.TryTakeRequest(out FrameRequest request))
                {
                    ulong decoded = _pool.Allocate(request.FrameNumber, 3_110_400);
                    _cache.Insert(request.FrameNumber, decoded);
                    _pool.Release(decoded);
                }
            }
        }
    }
}
