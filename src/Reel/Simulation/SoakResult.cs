using Reel.Telemetry;

namespace Reel.Simulation;

/// <summary>What a soak run measured.</summary>
public sealed record SoakResult
{
    /// <summary>Frames simulated.</summary>
    public long Frames { get; init; }

    /// <summary>Virtual hours simulated.</summary>
    public double VirtualHours { get; init; }

    /// <summary>Wall-clock seconds the run took.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Snapshots taken.</summary>
    public long Snapshots { get; init; }

    /// <summary>Leak alerts raised.</summary>
    public long Alerts { get; init; }

    /// <summary>The first alert, if any.</summary>
    public LeakAlert? FirstAlert { get; init; }

    /// <summary>Index of the snapshot at which the leak started (Leak scenario), else -1.</summary>
    public long LeakStartSnapshot { get; init; } = -1;

    /// <summary>
    /// Growth of bytes held at steady state, per hour: bytes held mid-hour in hour 2 and in
    /// the last hour of the same format, divided by the hours between. Null when the run is
    /// too short (under 6 hours).
    /// </summary>
    public double? SteadyGrowthBytesPerHour { get; init; }

    /// <summary>Most bytes held at once.</summary>
    public long PeakBytes { get; init; }

    /// <summary>Bytes held at the end of the run, before teardown.</summary>
    public long FinalBytes { get; init; }

    /// <summary>Frame acquires that failed (the pipeline never drops frames when healthy).</summary>
    public long FramesDropped { get; init; }

    /// <summary>The decode pools' names, in order of the format changes.</summary>
    public string[] DecodePools { get; init; } = [];
}
