namespace Reel.Telemetry;

/// <summary>Snapshot, leak-detector and memory-pressure settings of a context, with their defaults.</summary>
public sealed record TelemetryOptions
{
    /// <summary>Default snapshot interval: one minute.</summary>
    public const uint DefaultSnapshotIntervalMs = 60_000;

    /// <summary>Default ring: a day of minute snapshots.</summary>
    public const uint DefaultSnapshotCapacity = 1440;

    /// <summary>Default K of the leak detector.</summary>
    public const uint DefaultLeakWindow = 10;

    /// <summary>Default alert threshold: 1 MB (10^6 bytes) per minute.</summary>
    public const ulong DefaultLeakThreshold = 1_000_000;

    /// <summary>Default medium-pressure threshold, percent of the budget.</summary>
    public const uint DefaultMediumPercent = 50;

    /// <summary>Default high-pressure threshold.</summary>
    public const uint DefaultHighPercent = 90;

    /// <summary>Default idle time after which staging buffers are freed.</summary>
    public const uint DefaultStagingIdleMs = 5_000;

    /// <summary>Time between snapshots (taken by reel_context_advance_frame), ms.</summary>
    public uint SnapshotIntervalMs { get; init; } = DefaultSnapshotIntervalMs;

    /// <summary>Snapshots kept.</summary>
    public uint SnapshotCapacity { get; init; } = DefaultSnapshotCapacity;

    /// <summary>K: snapshots the leak detector fits.</summary>
    public uint LeakWindow { get; init; } = DefaultLeakWindow;

    /// <summary>Growth that alerts, bytes per minute.</summary>
    public ulong LeakThresholdBytesPerMinute { get; init; } = DefaultLeakThreshold;

    /// <summary>Snapshots before the detector starts (defaults to K).</summary>
    public uint LeakWarmupSnapshots { get; init; } = DefaultLeakWindow;

    /// <summary>Memory budget in bytes; 0 = none.</summary>
    public ulong MemoryBudget { get; init; }

    /// <summary>MEDIUM starts at this percent of the budget.</summary>
    public uint PressureMediumPercent { get; init; } = DefaultMediumPercent;

    /// <summary>HIGH starts at this percent of the budget.</summary>
    public uint PressureHighPercent { get; init; } = DefaultHighPercent;

    /// <summary>Idle staging buffers are freed after this long, ms.</summary>
    public uint StagingIdleMs { get; init; } = DefaultStagingIdleMs;
}
