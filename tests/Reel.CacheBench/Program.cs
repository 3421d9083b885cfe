using System;
using System.Globalization;
using Reel.Abi;
using Reel.Cache;
using Reel.Tests.Cache.Simulation;

namespace Reel.CacheBench;

/// <summary>
/// Prints, per preset and trace, the hit rates of the Reel frame cache and of a plain LRU of
/// equal memory (same frame count, same byte budget), all fed by the same simulated decoder
/// on a virtual clock. Run: <c>dotnet run -c Release --project tests/Reel.CacheBench</c>.
/// Exit code 1 if a Reel hit rate misses its target (forward ≥ 99 %, reverse ≥ 95 %, scrub ≥ 60 %).
/// </summary>
internal static class Program
{
    private static int Main()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.WriteLine("Frame cache hit rates: 30 fps playback, GOP 30, 18000-frame clip, one decoder thread in virtual time.");
        Console.WriteLine("Reel: ring + LRU + pattern prefetch; decoder inserts the frames it decodes on the way to a target.");
        Console.WriteLine("LRU: plain LRU, same frame count and byte budget, decodes on a miss; 'demand' keeps only the missed frame,");
        Console.WriteLine("     '+GOP' also keeps the frames decoded on the way from the keyframe.");
        bool allMet = true;
        foreach (FrameCachePreset preset in Enum.GetValues<FrameCachePreset>())
            allMet &= RunPreset(preset);
        LockCost.Print();
        return allMet ? 0 : 1;
    }

    private static bool RunPreset(FrameCachePreset preset)
    {
        FrameCacheConfig config = FrameCacheConfig.ForPreset(preset);
        DecoderModel model = Workloads.ModelFor(preset);
        Console.WriteLine();
        Console.WriteLine($"## {preset}: ring {config.RingSize}, LRU {config.LruCapacity}, depth {config.PrefetchDepth}, " +
            $"budget {config.MemoryBudgetBytes >> 20} MiB, frame {model.FrameBytes / 1048576.0:F2} MiB, decode {model.DecodeMicroseconds / 1000.0:F1} ms/frame");
        Console.WriteLine();
        Console.WriteLine("| trace | target | Reel | LRU demand | LRU +GOP | Reel per pattern | prefetch issued / used / wasted | evictions | Reel stall s | LRU demand stall s | frames decoded Reel / LRU demand |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        bool met = true;
        foreach ((string name, long[] trace) in Workloads.All())
        {
            var pool = new CountingFramePool(1 << 14);
            var simulator = new PlaybackSimulator(pool);
            if (FrameCache.Create(config, pool, null, "bench", out FrameCache? created) != ReelResult.Success)
                throw new InvalidOperationException(Reel.Errors.LastError.Message);
            using FrameCache cache = created!;
            cache.SetFrameCount(model.FrameCount);
            PlaybackResult reel = simulator.Run(new ReelSimulatedCache(cache), model, insertsFramesOnTheWay: true, trace);
            FrameCacheStats stats = cache.GetStats();

            int capacity = config.RingSize + config.LruCapacity;
            var demandLru = new PlainLruCache("LRU demand", pool, capacity, config.MemoryBudgetBytes);
            PlaybackResult demand = simulator.Run(demandLru, model, insertsFramesOnTheWay: false, trace);
            demandLru.Clear();
            var gopLru = new PlainLruCache("LRU +GOP", pool, capacity, config.MemoryBudgetBytes);
            PlaybackResult gop = simulator.Run(gopLru, model, insertsFramesOnTheWay: true, trace);
            gopLru.Clear();

            double target = name switch { "forward" => 0.99, "reverse" => 0.95, "scrub" => 0.60, _ => 0 };
            met &= reel.HitRate >= target;
            Console.WriteLine($"| {name} | {(target > 0 ? $"≥ {target:P0}" : "-")} | {reel.HitRate:P1} | {demand.HitRate:P1} | {gop.HitRate:P1} | " +
                $"{PerPattern(stats)} | {stats.PrefetchIssued} / {stats.PrefetchUsed} / {stats.PrefetchWasted} | {stats.Evictions} | " +
                $"{reel.StallMicroseconds / 1e6:F2} | {demand.StallMicroseconds / 1e6:F2} | {reel.FramesDecoded} / {demand.FramesDecoded} |");
            cache.Clear();
            if (pool.Violations != 0 || pool.Live != 0)
                throw new InvalidOperationException($"refcount check failed: {pool.Violations} violations ({pool.FirstViolation}), {pool.Live} frames leaked");
        }
        return met;
    }

    private static string PerPattern(FrameCacheStats stats)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (AccessPattern pattern in Enum.GetValues<AccessPattern>())
        {
            PatternStats p = stats.For(pattern);
            if (p.Hits + p.Misses > 0)
                parts.Add($"{pattern} {p.HitRate:P1} ({p.Hits + p.Misses})");
        }
        return string.Join(", ", parts);
    }
}
