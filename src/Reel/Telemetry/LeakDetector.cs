using System;
using System.Collections.Generic;
using Reel.Memory;

namespace Reel.Telemetry;

/// <summary>
/// Finds steady growth in the last K snapshots. For each category it fits the floor series
/// (fewest bytes held in each interval, so bursts that come back do not count) with least
/// squares; a category alerts when its slope is at least the threshold and the series rises
/// with Kendall's tau of at least <see cref="MinimumTrend"/>, after the warm-up snapshots.
/// The alert then names the object (pool) with the largest slope and its oldest buffers out.
/// A category that alerted stays quiet for the next K snapshots.
/// </summary>
public sealed class LeakDetector
{
    /// <summary>Kendall's tau the floor series needs: clearly rising, not noise.</summary>
    public const double MinimumTrend = 0.7;

    /// <summary>Fewest samples an object needs in the window to be fitted.</summary>
    private const int MinimumObjectSamples = 3;

    private readonly long[] _quietUntil = new long[MemoryCategories.Count];

    /// <summary>Creates a detector over <paramref name="window"/> snapshots.</summary>
    public LeakDetector(int window, double thresholdBytesPerMinute, int warmupSnapshots)
    {
        Window = window;
        ThresholdBytesPerMinute = thresholdBytesPerMinute;
        WarmupSnapshots = warmupSnapshots;
    }

    /// <summary>K: snapshots fitted.</summary>
    public int Window { get; }

    /// <summary>Growth that alerts, bytes per minute.</summary>
    public double ThresholdBytesPerMinute { get; }

    /// <summary>Snapshots ignored at the start (pools filling up is not a leak).</summary>
    public int WarmupSnapshots { get; }

    /// <summary>
    /// Looks at the newest window; returns an alert or null. <paramref name="suspects"/> lists
    /// the oldest buffers out of an object by handle.
    /// </summary>
    public LeakAlert? Evaluate(SnapshotRing ring, Func<ulong, IReadOnlyList<LeakSuspect>> suspects)
    {
        long latestIndex = ring.Taken - 1;
        if (ring.Count < Window || ring.Taken < WarmupSnapshots + Window)
            return null;

        int first = ring.Count - Window;
        Span<double> minutes = stackalloc double[Window];
        Span<double> values = stackalloc double[Window];
        long origin = ring[first].TimeNs;
        for (int i = 0; i < Window; i++)
            minutes[i] = (ring[first + i].TimeNs - origin) / 60e9;

        int best = -1;
        double bestSlope = 0, bestTrend = 0;
        for (int c = 0; c < MemoryCategories.Count; c++)
        {
            if (latestIndex < _quietUntil[c])
                continue;
            for (int i = 0; i < Window; i++)
                values[i] = ring[first + i].Floor[c];
            double slope = TrendMath.Slope(minutes, values);
            if (slope < ThresholdBytesPerMinute || slope <= bestSlope)
                continue;
            double trend = TrendMath.KendallTau(values);
            if (trend < MinimumTrend)
                continue;
            (best, bestSlope, bestTrend) = (c, slope, trend);
        }
        if (best < 0)
            return null;

        _quietUntil[best] = latestIndex + Window;
        Snapshot latest = ring[ring.Count - 1];
        var category = (MemoryCategory)best;
        (ObjectSample? culprit, double objectSlope) = FastestObject(ring, first, category);
        return new LeakAlert
        {
            TimeNs = latest.TimeNs,
            Frame = latest.Frame,
            SnapshotIndex = latestIndex,
            Category = category,
            CategorySlope = bestSlope,
            CategoryBytes = latest.Bytes[best],
            Trend = bestTrend,
            ObjectName = culprit?.Name,
            ObjectHandle = culprit?.Handle ?? 0,
            ObjectSlope = objectSlope,
            ObjectBytes = culprit?.BytesHeld ?? 0,
            Suspects = culprit is { } found ? suspects(found.Handle) : [],
        };
    }

    /// <summary>The object of the latest snapshot whose floor grew fastest in the window, preferring the alerting category.</summary>
    private static (ObjectSample?, double) FastestObject(SnapshotRing ring, int first, MemoryCategory category)
    {
        Snapshot latest = ring[ring.Count - 1];
        ObjectSample? best = null;
        double bestSlope = double.NegativeInfinity;
        bool bestInCategory = false;
        var minutes = new List<double>();
        var values = new List<double>();
        foreach (ObjectSample candidate in latest.Objects)
        {
            minutes.Clear();
            values.Clear();
            for (int i = first; i < ring.Count; i++)
            {
                foreach (ObjectSample sample in ring[i].Objects)
                {
                    if (sample.Handle != candidate.Handle)
                        continue;
                    minutes.Add((ring[i].TimeNs - ring[first].TimeNs) / 60e9);
                    values.Add(sample.BytesFloor);
                    break;
                }
            }
            if (values.Count < MinimumObjectSamples)
                continue;
            double slope = TrendMath.Slope(minutes.ToArray(), values.ToArray());
            bool inCategory = candidate.Category == category;
            if ((inCategory && !bestInCategory) || (inCategory == bestInCategory && slope > bestSlope))
                (best, bestSlope, bestInCategory) = (candidate, slope, inCategory);
        }
        return (best, best is null ? 0 : bestSlope);
    }
}
