using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

public class FrameCacheStressTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(2.5);

    [Test]
    public void ProducersAndConsumers_RunConcurrently_KeepEveryRefcountInvariant()
    {
        var pool = new CountingFramePool(1 << 16);
        var config = new FrameCacheConfig
        {
            RingSize = 32, LruCapacity = 64, PrefetchDepth = 8, ProducerQueueCapacity = 16,
            MemoryBudgetBytes = 4L << 20, // ~60 frames of 32–100 KB: the budget binds as well as the counts
        };
        var wake = new WakeSource();
        FrameCache cache = CacheFixtures.Create(config, pool, wake);
        var failures = new Failures();
        using var stop = new CancellationTokenSource();
        var threads = new List<Thread>();
        for (int i = 0; i < 2; i++)
        {
            int seed = 100 + i;
            threads.Add(new Thread(() => Produce(cache, pool, wake, seed, stop.Token, failures)));
        }
        for (int i = 0; i < 2; i++)
        {
            int seed = 200 + i;
            threads.Add(new Thread(() => Consume(cache, pool, seed, stop.Token, failures)));
        }
        threads.Add(new Thread(() => Maintain(cache, config.MemoryBudgetBytes, stop.Token, failures)));
        foreach (Thread thread in threads)
            thread.Start();
        Thread.Sleep(s_duration);
        stop.Cancel();
        wake.Wake();
        foreach (Thread thread in threads)
            Assert.That(thread.Join(TimeSpan.FromSeconds(30)), Is.True, "a thread hung");

        FrameCacheStats stats = cache.GetStats();
        cache.Dispose();
        Assert.That(failures.First, Is.Null, $"{failures.Count} failed checks");
        Assert.That(pool.Violations, Is.Zero, pool.FirstViolation);
        Assert.That(pool.Live, Is.Zero, "after dispose and the consumers' releases no frame is left: nothing leaked");
        Assert.That(pool.Retains + pool.Allocated, Is.EqualTo(pool.Releases), "every reference taken was given back exactly once");
        Assert.That(stats.Hits, Is.GreaterThan(1000));
        Assert.That(stats.Inserts, Is.GreaterThan(1000));
        Assert.That(stats.Evictions, Is.GreaterThan(100));
        TestContext.Out.WriteLine($"hits {stats.Hits}, misses {stats.Misses}, inserts {stats.Inserts}, evictions {stats.Evictions}, " +
            $"range hits {stats.RangeHits}, abandoned {stats.RequestsAbandoned}, frames allocated {pool.Allocated}");
    }

    /// <summary>A producer: serves requests (abandoning a few), and inserts frames nobody asked for now and then.</summary>
    private static void Produce(FrameCache cache, CountingFramePool pool, WakeSource wake, int seed, CancellationToken stop, Failures failures)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            long frameNumber;
            if (cache.TryTakeRequest(out FrameRequest request))
            {
                if (random.Next(50) == 0)
                {
                    Check(cache.AbandonRequest(request.FrameNumber) == ReelResult.Success, "abandoning a taken request", failures);
                    continue;
                }
                frameNumber = request.FrameNumber;
            }
            else if (random.Next(4) == 0)
            {
                frameNumber = random.Next(2000); // a decode by-product
            }
            else
            {
                wake.Wait(1);
                continue;
            }
            ulong frame = pool.Allocate(frameNumber, random.Next(32_000, 100_000));
            Check(frame != 0, "the pool ran out: frames leak", failures);
            if (frame == 0)
                return;
            ReelResult inserted = cache.Insert(frameNumber, frame);
            Check(inserted == ReelResult.Success, $"insert returned {inserted}", failures);
            pool.Release(frame);
        }
    }

    /// <summary>A consumer: plays forward, backward and jumps; checks every frame it gets while holding a few.</summary>
    private static void Consume(FrameCache cache, CountingFramePool pool, int seed, CancellationToken stop, Failures failures)
    {
        var random = new Random(seed);
        var held = new Queue<(ulong Frame, long Number)>();
        ulong[] range = new ulong[8];
        long position = random.Next(2000);
        int direction = 1;
        while (!stop.IsCancellationRequested)
        {
            if (random.Next(100) == 0)
                position = random.Next(2000);
            if (random.Next(200) == 0)
                direction = -direction;
            position = Math.Clamp(position + direction, 0, 1999);
            if (random.Next(20) == 0)
            {
                long first = Math.Max(0, position - 4);
                cache.GetRange(first, range, out _);
                for (int i = 0; i < range.Length; i++)
                {
                    if (range[i] == 0)
                        continue;
                    Check(pool.Holds(range[i], first + i), $"GetRange handed out a wrong or dead frame for {first + i}", failures);
                    pool.Release(range[i]);
                }
            }
            else if (cache.TryGet(position, out ulong frame) == ReelResult.Success)
            {
                Check(pool.Holds(frame, position), $"TryGet handed out a wrong or dead frame for {position}", failures);
                held.Enqueue((frame, position));
            }
            else
            {
                Thread.Yield(); // a miss: the frame is on its way
            }
            if (held.Count > 4)
                ReleaseOldest(pool, held, failures);
            foreach ((ulong f, long n) in held)
                Check(pool.Holds(f, n), $"held frame {n} was freed while held", failures);
        }
        while (held.Count > 0)
            ReleaseOldest(pool, held, failures);
    }

    private static void ReleaseOldest(CountingFramePool pool, Queue<(ulong Frame, long Number)> held, Failures failures)
    {
        (ulong frame, long number) = held.Dequeue();
        Check(pool.Holds(frame, number), $"held frame {number} was freed while held", failures);
        pool.Release(frame);
    }

    /// <summary>Reads the stats all the time and clears the cache now and then, as a host would on a new clip.</summary>
    private static void Maintain(FrameCache cache, long budget, CancellationToken stop, Failures failures)
    {
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            FrameCacheStats stats = cache.GetStats();
            Check(stats.BytesHeld <= budget, $"bytes held {stats.BytesHeld} exceed the budget {budget}", failures);
            Check(stats.QueueDepth <= 16, $"queue depth {stats.QueueDepth} exceeds its capacity", failures);
            if (clock.ElapsedMilliseconds > 400)
            {
                cache.Clear();
                clock.Restart();
            }
            Thread.Sleep(1);
        }
    }

    private static void Check(bool condition, string what, Failures failures)
    {
        if (!condition)
            failures.Add(what);
    }

    /// <summary>Failed checks from any thread; the first one in words.</summary>
    private sealed class Failures
    {
        private int _count;
        private string? _first;

        public int Count => Volatile.Read(ref _count);

        public string? First => Volatile.Read(ref _first);

        public void Add(string what)
        {
            Interlocked.Increment(ref _count);
            Interlocked.CompareExchange(ref _first, what, null);
        }
    }

    /// <summary>The cache's source: wakes a waiting producer when requests are queued.</summary>
    private sealed class WakeSource : IFrameSource
    {
        private readonly AutoResetEvent _event = new(false);

        public void RequestsQueued(FrameCache cache) => _event.Set();

        public void Wake() => _event.Set();

        public void Wait(int milliseconds) => _event.WaitOne(milliseconds);
    }
}
