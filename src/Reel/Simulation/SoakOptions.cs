namespace Reel.Simulation;

/// <summary>A soak run: how long, how fast, what the host does, and where the chart goes.</summary>
public sealed record SoakOptions
{
    /// <summary>Virtual hours to simulate.</summary>
    public double Hours { get; init; } = 24;

    /// <summary>Frames per virtual second.</summary>
    public uint Fps { get; init; } = 60;

    /// <summary>The host's behaviour.</summary>
    public SoakScenario Scenario { get; init; } = SoakScenario.Steady;

    /// <summary>Seed of the packet sizes and bursts; runs with one seed are identical.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Minute at which the leak starts (after the detector's warm-up).</summary>
    public uint LeakStartMinute { get; init; } = 20;

    /// <summary>Stop at the first leak alert.</summary>
    public bool StopOnAlert { get; init; }

    /// <summary>Where to write the SVG chart; null for none.</summary>
    public string? SvgPath { get; init; }
}
