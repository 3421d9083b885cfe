using System.Collections.Generic;
using Reel.Memory;

namespace Reel.Telemetry;

/// <summary>An outstanding buffer the alert names: its host tag and age.</summary>
/// <param name="Tag">The host tag (reel_buffer_set_tag).</param>
/// <param name="AgeFrames">Frames since it was acquired.</param>
/// <param name="Bytes">Its size.</param>
public readonly record struct LeakSuspect(ulong Tag, long AgeFrames, long Bytes);

/// <summary>
/// The leak detector's finding: a category whose floor grew faster than the threshold with a
/// clear upward trend, the object (pool) growing fastest, and the host tags of that object's
/// oldest outstanding buffers.
/// </summary>
public sealed record LeakAlert
{
    /// <summary>Time of the snapshot that raised it, ns.</summary>
    public long TimeNs { get; init; }

    /// <summary>Frame of the snapshot that raised it.</summary>
    public long Frame { get; init; }

    /// <summary>Index of that snapshot among all taken (0 = first).</summary>
    public long SnapshotIndex { get; init; }

    /// <summary>The growing category.</summary>
    public MemoryCategory Category { get; init; }

    /// <summary>Least-squares growth of the category's floor, bytes per minute.</summary>
    public double CategorySlope { get; init; }

    /// <summary>Bytes the category holds.</summary>
    public long CategoryBytes { get; init; }

    /// <summary>Kendall's tau of the floor series: 1 = rising at every step.</summary>
    public double Trend { get; init; }

    /// <summary>The object growing fastest, if any object grew.</summary>
    public string? ObjectName { get; init; }

    /// <summary>Its handle value (a reel_pool_t), 0 if none.</summary>
    public ulong ObjectHandle { get; init; }

    /// <summary>Its growth, bytes per minute.</summary>
    public double ObjectSlope { get; init; }

    /// <summary>Bytes it holds.</summary>
    public long ObjectBytes { get; init; }

    /// <summary>Its oldest outstanding buffers, oldest first (at most 8).</summary>
    public IReadOnlyList<LeakSuspect> Suspects { get; init; } = [];
}
