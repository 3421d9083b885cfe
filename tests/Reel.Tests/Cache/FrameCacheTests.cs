using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Errors;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

public class FrameCacheTests
{
    private CountingFramePool _pool = null!;

    [SetUp]
    public void CreatePool() => _pool = new CountingFramePool(256);

    [TearDown]
    public void NoRefcountViolations() =>
        Assert.That(_pool.Violations, Is.Zero, _pool.FirstViolation);

    [Test]
    public void Insert_NewFrame_RetainsItAndLeavesTheCallersReference()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        ulong frame = _pool.Allocate(5, 1000);
        Assert.That(cache.Insert(5, frame), Is.EqualTo(ReelResult.Success));
        Assert.That(_pool.RefCount(frame), Is.EqualTo(2), "the producer's and the cache's");
        _pool.Release(frame);
        Assert.That(_pool.RefCount(frame), Is.EqualTo(1), "the cache keeps the frame alive");
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.Inserts, stats.FramesHeld, stats.BytesHeld), Is.EqualTo((1L, 1, 1000L)));
    }

    [Test]
    public void TryGet_Hit_HandsOutARetainedFrameTheConsumerReleases()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        ulong frame = CacheFixtures.Produce(cache, _pool, 5);
        Assert.That(cache.TryGet(5, out ulong got), Is.EqualTo(ReelResult.Success));
        Assert.That(got, Is.EqualTo(frame));
        Assert.That(_pool.RefCount(frame), Is.EqualTo(2), "the cache's and the consumer's");
        _pool.Release(got);
        Assert.That(_pool.RefCount(frame), Is.EqualTo(1));
        Assert.That(cache.GetStats().Hits, Is.EqualTo(1));
    }

    [Test]
    public void TryGet_Miss_ReturnsNotReadyAndRequestsTheFrameBeforeAnyPrefetch()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.TryGet(40, out ulong frame), Is.EqualTo(ReelResult.NotReady));
        Assert.That(frame, Is.EqualTo(0UL));
        var taken = new List<FrameRequest>();
        while (cache.TryTakeRequest(out FrameRequest request))
            taken.Add(request);
        Assert.That(taken.ConvertAll(r => r.FrameNumber), Is.EqualTo(new long[] { 40, 41, 42 }), "the miss, then depth/2 ahead");
        Assert.That(taken[0].IsDemand, Is.True);
        Assert.That(taken[1].IsDemand, Is.False);
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.Misses, stats.DemandRequests, stats.PrefetchRequests, stats.PrefetchIssued, stats.InFlightRequests),
            Is.EqualTo((1L, 1L, 2L, 2L, 3)));
    }

    [Test]
    public void TryGet_SameFrameAgain_IsARepeatNotCountedInTheHitRate()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.TryGet(9, out _), Is.EqualTo(ReelResult.NotReady));
        CacheFixtures.Produce(cache, _pool, 9);
        Assert.That(cache.TryGet(9, out ulong frame), Is.EqualTo(ReelResult.Success));
        _pool.Release(frame);
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.Hits, stats.Misses, stats.Repeats), Is.EqualTo((0L, 1L, 1L)));
    }

    [Test]
    public void TryGet_ForwardPlay_PrefetchesAheadAndCountsTheUse()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        for (long f = 100; f < 103; f++)
        {
            if (cache.TryGet(f, out ulong shown) == ReelResult.Success)
                _pool.Release(shown);
            ServeRequests(cache);
        }
        Assert.That(cache.GetStats().Pattern, Is.EqualTo(AccessPattern.Forward));
        Assert.That(cache.TryGet(103, out ulong frame), Is.EqualTo(ReelResult.Success));
        _pool.Release(frame);
        FrameCacheStats stats = cache.GetStats();
        Assert.That(stats.Forward.Hits, Is.EqualTo(2), "102 and 103 were prefetched");
        Assert.That(stats.PrefetchUsed, Is.EqualTo(3), "101, 102 and 103 came from prefetch");
    }

    [Test]
    public void Insert_FrameNumberAlreadyCached_KeepsTheOldFrameAndDoesNotRetain()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        ulong first = CacheFixtures.Produce(cache, _pool, 3);
        ulong second = _pool.Allocate(3, 1000);
        Assert.That(cache.Insert(3, second), Is.EqualTo(ReelResult.Success));
        Assert.That(_pool.RefCount(second), Is.EqualTo(1), "only the producer's reference");
        _pool.Release(second);
        Assert.That(cache.TryGet(3, out ulong got), Is.EqualTo(ReelResult.Success));
        Assert.That(got, Is.EqualTo(first));
        _pool.Release(got);
        Assert.That(cache.GetStats().DuplicateInserts, Is.EqualTo(1));
    }

    [Test]
    public void Insert_BadArguments_FailWithMessagesNamingThem()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.Insert(1, 0, "reel_frame_cache_insert"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("reel_frame_cache_insert: frame is 0, which means no frame"));

        ulong frame = _pool.Allocate(1, 1000);
        Assert.That(cache.Insert(-1, frame, "reel_frame_cache_insert"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo($"reel_frame_cache_insert: frame_number is -1; must be 0 to {FrameCache.MaxFrameNumber}"));
        _pool.Release(frame);

        var tiny = new FrameCacheConfig { RingSize = 8, LruCapacity = 8, PrefetchDepth = 4, MemoryBudgetBytes = 1 << 20 };
        using FrameCache small = CacheFixtures.Create(tiny, _pool);
        ulong huge = _pool.Allocate(2, (1 << 20) + 1);
        Assert.That(small.Insert(2, huge), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.EndWith("is 1048577 bytes, more than the whole memory_budget (1048576)"));
        Assert.That(_pool.RefCount(huge), Is.EqualTo(1), "a refused frame is not retained");
        _pool.Release(huge);
    }

    [Test]
    public void TryGet_FrameNumberOutOfRange_FailsNamingTheLimit()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.TryGet(FrameCache.MaxFrameNumber + 1, out _, "get"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo($"get: frame_number is {FrameCache.MaxFrameNumber + 1}; must be 0 to {FrameCache.MaxFrameNumber}"));
    }

    [Test]
    public void GetRange_PartlyCached_RetainsTheHitsAndRequestsTheRest()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        CacheFixtures.Produce(cache, _pool, 10);
        CacheFixtures.Produce(cache, _pool, 12);
        Span<ulong> frames = stackalloc ulong[4];
        Assert.That(cache.GetRange(10, frames, out int hits), Is.EqualTo(ReelResult.NotReady));
        Assert.That(hits, Is.EqualTo(2));
        Assert.That(_pool.Holds(frames[0], 10) && _pool.Holds(frames[2], 12), Is.True);
        Assert.That((frames[1], frames[3]), Is.EqualTo((0UL, 0UL)));
        _pool.Release(frames[0]);
        _pool.Release(frames[2]);
        var requested = new List<long>();
        while (cache.TryTakeRequest(out FrameRequest request))
            requested.Add(request.FrameNumber);
        Assert.That(requested, Is.EqualTo(new long[] { 11, 13 }));
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.RangeHits, stats.RangeMisses, stats.Hits + stats.Misses), Is.EqualTo((2L, 2L, 0L)),
            "ranges are counted apart from the playhead's accesses");
    }

    [Test]
    public void GetRange_BadCount_FailsNamingTheLimit()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.GetRange(0, Span<ulong>.Empty, out _, "range"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo($"range: count is 0; must be 1 to {FrameCache.MaxRangeCount}"));
    }

    [Test]
    public void AbandonRequest_InFlight_FreesItsPlaceAndIsCounted()
    {
        var config = new FrameCacheConfig { RingSize = 8, LruCapacity = 8, PrefetchDepth = 0, ProducerQueueCapacity = 1 };
        using FrameCache cache = CacheFixtures.Create(config, _pool);
        cache.TryGet(5, out _);
        Assert.That(cache.TryTakeRequest(out FrameRequest request) && request.FrameNumber == 5, Is.True);
        cache.TryGet(6, out _);
        Assert.That(cache.TryTakeRequest(out _), Is.False, "the only place is in flight");
        Assert.That(cache.AbandonRequest(5), Is.EqualTo(ReelResult.Success));
        Assert.That(cache.AbandonRequest(5, "abandon"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("abandon: frame_number 5 has no pending request"));
        cache.TryGet(6, out _);
        Assert.That(cache.TryTakeRequest(out request) && request.FrameNumber == 6, Is.True, "the poll asks again once there is room");
        Assert.That(cache.GetStats().RequestsAbandoned, Is.EqualTo(1));
    }

    [Test]
    public void SetFrameCount_NearTheEnd_RequestsNothingPastIt()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        Assert.That(cache.SetFrameCount(100), Is.EqualTo(ReelResult.Success));
        cache.TryGet(98, out _);
        var requested = new List<long>();
        while (cache.TryTakeRequest(out FrameRequest request))
            requested.Add(request.FrameNumber);
        Assert.That(requested, Is.EqualTo(new long[] { 98, 99 }));
        Assert.That(cache.SetFrameCount(-1, "count"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("count: frame_count is -1; must be 0 (unknown)"));
    }

    [Test]
    public void Dispose_WithFramesHeldByAConsumer_ReleasesOnlyTheCachesReferences()
    {
        FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        for (long f = 0; f < 10; f++)
            CacheFixtures.Produce(cache, _pool, f);
        cache.TryGet(4, out ulong held);
        cache.Dispose();
        Assert.That(_pool.Live, Is.EqualTo(1), "only the consumer's frame is alive");
        Assert.That(_pool.Holds(held, 4), Is.True);
        _pool.Release(held);
        Assert.That(_pool.Live, Is.Zero);

        ulong late = _pool.Allocate(11, 1000);
        Assert.That(cache.Insert(11, late, "insert"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Is.EqualTo("insert: the frame cache was destroyed"));
        Assert.That(_pool.RefCount(late), Is.EqualTo(1), "a refused insert leaves the producer's reference alone");
        _pool.Release(late);
        Assert.That(cache.TryTakeRequest(out _), Is.False);
    }

    [Test]
    public void Clear_AfterPlay_ReleasesEverythingAndForgetsThePattern()
    {
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool);
        for (long f = 0; f < 12; f++)
        {
            CacheFixtures.Produce(cache, _pool, f);
            cache.TryGet(f, out ulong frame);
            _pool.Release(frame);
        }
        cache.Clear();
        FrameCacheStats stats = cache.GetStats();
        Assert.That((stats.FramesHeld, stats.BytesHeld, stats.QueueDepth, stats.Pattern), Is.EqualTo((0, 0L, 0, AccessPattern.Unknown)));
        Assert.That(_pool.Live, Is.Zero);
        Assert.That(stats.Hits, Is.EqualTo(12), "counters run from creation");
    }

    [Test]
    public void RequestsQueued_IsCalledOutsideTheLock()
    {
        var source = new ProbingSource();
        using FrameCache cache = CacheFixtures.Create(CacheFixtures.Small, _pool, source);
        cache.TryGet(1, out _);
        Assert.That(source.Calls, Is.EqualTo(1));
        Assert.That(source.OtherThreadGotStats, Is.True, "another thread could take the lock during the callback");
        cache.TryGet(1, out _);
        Assert.That(source.Calls, Is.EqualTo(1), "a repeat queues nothing new");
    }

    /// <summary>Serves every waiting request at once, like an infinitely fast decoder.</summary>
    private void ServeRequests(FrameCache cache)
    {
        while (cache.TryTakeRequest(out FrameRequest request))
            CacheFixtures.Produce(cache, _pool, request.FrameNumber);
    }

    /// <summary>A source that checks, from another thread, that the cache's lock is free while it is called.</summary>
    private sealed class ProbingSource : IFrameSource
    {
        public int Calls;
        public bool OtherThreadGotStats;

        public void RequestsQueued(FrameCache cache)
        {
            Calls++;
            var thread = new Thread(() => cache.GetStats());
            thread.Start();
            OtherThreadGotStats = thread.Join(TimeSpan.FromSeconds(10));
        }
    }
}
