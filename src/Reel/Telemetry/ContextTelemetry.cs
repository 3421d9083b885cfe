using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Context;
using Reel.Logging;
using Reel.Memory;
using Reel.Pools;

namespace Reel.Telemetry;

/// <summary>
/// A context's snapshots, leak detector, alerts and memory-pressure state. The frame clock
/// drives it; every host callback it triggers runs after Reel's locks are released.
/// </summary>
public sealed class ContextTelemetry
{
    /// <summary>Alerts kept for stats (the newest).</summary>
    public const int MaxAlertsKept = 64;

    private readonly ReelContext _context;
    private readonly IContextEvents? _events;
    private readonly object _lock = new();
    private readonly List<LeakAlert> _alerts = new();

    /// <summary>The first alert ever raised: kept apart, since the capped history drops it once more alerts follow.</summary>
    private LeakAlert? _firstAlert;

    private long _lastSnapshotNs;
    private long _alertCount;
    private int _level;

    /// <summary>Creates the telemetry of <paramref name="context"/>.</summary>
    public ContextTelemetry(ReelContext context, TelemetryOptions options, IContextEvents? events)
    {
        _context = context;
        _events = events;
        Options = options;
        Snapshots = new SnapshotRing((int)options.SnapshotCapacity);
        Detector = new LeakDetector((int)options.LeakWindow, options.LeakThresholdBytesPerMinute, (int)options.LeakWarmupSnapshots);
        Pressure = new MemoryPressure((long)options.MemoryBudget, options.PressureMediumPercent, options.PressureHighPercent);
        _lastSnapshotNs = context.Clock.TimeNs;
    }

    /// <summary>The settings.</summary>
    public TelemetryOptions Options { get; }

    /// <summary>The snapshot ring (read it under <see cref="Lock"/>).</summary>
    public SnapshotRing Snapshots { get; }

    /// <summary>The leak detector.</summary>
    public LeakDetector Detector { get; }

    /// <summary>The budget and thresholds.</summary>
    public MemoryPressure Pressure { get; }

    /// <summary>Guards the ring and the alert list.</summary>
    public object Lock => _lock;

    /// <summary>The current pressure level.</summary>
    public PressureLevel Level => (PressureLevel)Volatile.Read(ref _level);

    /// <summary>Alerts raised so far.</summary>
    public long AlertCount => Interlocked.Read(ref _alertCount);

    /// <summary>The newest alerts (at most <see cref="MaxAlertsKept"/>), oldest first.</summary>
    public List<LeakAlert> Alerts()
    {
        lock (_lock)
            return new List<LeakAlert>(_alerts);
    }

    /// <summary>The first alert raised since the context was created (null if none), even after the history dropped it.</summary>
    public LeakAlert? FirstAlert
    {
        get
        {
            lock (_lock)
                return _firstAlert;
        }
    }

    /// <summary>Frame tick: a snapshot when the interval has passed, then pressure.</summary>
    public void Tick(long nowNs)
    {
        if (nowNs - Volatile.Read(ref _lastSnapshotNs) >= (long)Options.SnapshotIntervalMs * 1_000_000)
            TakeSnapshot(nowNs);
        EvaluatePressure();
    }

    /// <summary>Takes a snapshot now and runs the leak detector on the new window.</summary>
    public Snapshot TakeSnapshot(long nowNs)
    {
        Volatile.Write(ref _lastSnapshotNs, nowNs);
        Snapshot snapshot = Sample(nowNs);
        LeakAlert? alert;
        lock (_lock)
        {
            Snapshots.Add(snapshot);
            alert = Detector.Evaluate(Snapshots, Suspects);
            if (alert is not null)
            {
                _firstAlert ??= alert;
                _alerts.Add(alert);
                if (_alerts.Count > MaxAlertsKept)
                    _alerts.RemoveAt(0);
                Interlocked.Increment(ref _alertCount);
            }
        }
        if (alert is not null)
            Report(alert);
        return snapshot;
    }

    /// <summary>
    /// Compares bytes held with the budget; on a level change calls the host. At HIGH every
    /// idle buffer of every pool is trimmed and staging is purged, on each call while HIGH.
    /// </summary>
    public void EvaluatePressure()
    {
        if (Pressure.Budget <= 0 && Level == PressureLevel.None)
            return;
        PressureLevel level = Pressure.LevelFor(_context.Memory.Total);
        if (level == PressureLevel.High)
        {
            foreach (Pool pool in _context.Pools)
                pool.Trim(0);
            level = Pressure.LevelFor(_context.Memory.Total);
        }
        var previous = (PressureLevel)Interlocked.Exchange(ref _level, (int)level);
        if (previous == level)
            return;
        long bytes = _context.Memory.Total;
        _context.Log.Write(level == PressureLevel.None ? LogLevel.Info : LogLevel.Warning,
            $"memory pressure {previous.ToString().ToUpperInvariant()} -> {level.ToString().ToUpperInvariant()}: {bytes} of {Pressure.Budget} bytes");
        _events?.OnPressure(level, bytes, Pressure.Budget);
    }

    private Snapshot Sample(long nowNs)
    {
        MemoryAccounting memory = _context.Memory;
        var bytes = new long[MemoryCategories.Count];
        var floor = new long[MemoryCategories.Count];
        var peak = new long[MemoryCategories.Count];
        for (int c = 0; c < MemoryCategories.Count; c++)
        {
            bytes[c] = memory.Current((MemoryCategory)c);
            floor[c] = memory.TakeFloor((MemoryCategory)c);
            peak[c] = memory.Peak((MemoryCategory)c);
        }
        long idle = 0, outstanding = 0;
        var objects = new List<ObjectSample>();
        foreach (Pool pool in _context.PoolsIncludingDraining())
        {
            long held = 0, heldFloor = 0;
            int inUse = 0;
            foreach (SlotPool slotPool in pool.SlotPools)
            {
                PoolStats stats = slotPool.GetStats();
                held += (long)stats.BytesHeld;
                heldFloor += (long)slotPool.TakeBytesFloor();
                idle += (long)(stats.Available * (ulong)slotPool.BufferSize);
                inUse += (int)stats.InUse;
            }
            outstanding += inUse;
            objects.Add(new ObjectSample(pool.Handle.Value, pool.Name, pool.Category, held, heldFloor, inUse));
        }
        return new Snapshot
        {
            TimeNs = nowNs,
            Frame = _context.Clock.Frame,
            Bytes = bytes,
            Floor = floor,
            Peak = peak,
            TotalBytes = memory.Total,
            IdleBytes = idle,
            OutstandingBuffers = outstanding,
            FramesDropped = memory.DroppedFrames,
            Objects = objects.ToArray(),
        };
    }

    private IReadOnlyList<LeakSuspect> Suspects(ulong poolHandle)
    {
        var suspects = new List<LeakSuspect>();
        long frame = _context.Clock.Frame;
        foreach (Pool pool in _context.PoolsIncludingDraining())
        {
            if (pool.Handle.Value != poolHandle)
                continue;
            foreach (SlotPool slotPool in pool.SlotPools)
            {
                foreach (var buffer in slotPool.Outstanding(8))
                    suspects.Add(new LeakSuspect(buffer.Tag, frame - buffer.AcquiredAtFrame, (long)slotPool.BufferSize));
            }
        }
        suspects.Sort((a, b) => b.AgeFrames.CompareTo(a.AgeFrames));
        return suspects.Count > 8 ? suspects.GetRange(0, 8) : suspects;
    }

    private void Report(LeakAlert alert)
    {
        string tags = string.Join(", ", System.Linq.Enumerable.Select(alert.Suspects, s => $"0x{s.Tag:x} ({s.AgeFrames} frames)"));
        _context.Log.Write(LogLevel.Warning,
            $"leak suspected: {MemoryCategories.Name(alert.Category)} memory grows {alert.CategorySlope / 1e6:F2} MB/min " +
            $"(trend {alert.Trend:F2}); fastest: '{alert.ObjectName}' +{alert.ObjectSlope / 1e6:F2} MB/min; oldest buffers out: {tags}");
        _events?.OnLeak(alert);
    }
}
