using System;
using System.Diagnostics;
using System.Threading;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.CacheBench;

/// <summary>
/// What the cache's single lock costs: a cached get plus the consumer's release, on one
/// thread and on several at once (wall time per operation over all threads). A rough
/// timing to decide whether anything cleverer than a lock is needed; not a hit rate.
/// </summary>
internal static class LockCost
{
    private const int Frames = 64;
    private const int OperationsPerThread = 2_000_000;

    /// <summary>Runs per thread count; the best is printed, since other load on the machine only adds time.</summary>
    private const int Runs = 3;

    /// <summary>Prints nanoseconds per get+release for 1, 2 and 4 threads (best of <see cref="Runs"/>).</summary>
    public static void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"## Lock cost: TryGet hit + release, {OperationsPerThread:N0} per thread, best of {Runs}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| threads | ns per operation (wall, all threads) |");
        Console.WriteLine("| --- | --- |");
        foreach (int threads in new[] { 1, 2, 4 })
        {
            double best = double.MaxValue;
            for (int run = 0; run < Runs; run++)
                best = Math.Min(best, Measure(threads));
            Console.WriteLine($"| {threads} | {best:F0} |");
        }
    }

    private static double Measure(int threadCount)
    {
        var pool = new CountingFramePool(Frames * 2);
        var config = new FrameCacheConfig { RingSize = Frames, LruCapacity = Frames, PrefetchDepth = 0 };
        if (FrameCache.Create(config, pool, null, "bench", out FrameCache? created) != ReelResult.Success)
            throw new InvalidOperationException(Reel.Errors.LastError.Message);
        using FrameCache cache = created!;
        for (long f = 0; f < Frames; f++)
        {
            ulong frame = pool.Allocate(f, 1000);
            cache.Insert(f, frame);
            pool.Release(frame);
        }
        var threads = new Thread[threadCount];
        using var start = new ManualResetEventSlim();
        for (int t = 0; t < threadCount; t++)
        {
            int offset = t * 7;
            threads[t] = new Thread(() =>
            {
                start.Wait();
                for (int i = 0; i < OperationsPerThread; i++)
                {
                    if (cache.TryGet((i + offset) % Frames, out ulong frame) == ReelResult.Success)
                        pool.Release(frame);
                }
            });
            threads[t].Start();
        }
        var clock = Stopwatch.StartNew();
        start.Set();
        foreach (Thread thread in threads)
            thread.Join();
        clock.Stop();
        if (pool.Violations != 0)
            throw new InvalidOperationException(pool.FirstViolation);
        return clock.Elapsed.TotalNanoseconds / ((double)OperationsPerThread * threadCount);
    }
}
