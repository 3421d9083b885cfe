namespace Reel.Telemetry;

/// <summary>
/// The context's memory at one moment, taken every snapshot interval: per category the bytes
/// held now, the floor (fewest bytes since the previous snapshot; what the leak detector
/// fits) and the peak so far; idle versus held bytes of pools; buffers out; frames advanced
/// and dropped; and every accounted object.
/// </summary>
public sealed class Snapshot
{
    /// <summary>Time source reading, nanoseconds.</summary>
    public long TimeNs { get; init; }

    /// <summary>Frame-clock value.</summary>
    public long Frame { get; init; }

    /// <summary>Bytes held per category (index = MemoryCategory).</summary>
    public long[] Bytes { get; init; } = [];

    /// <summary>Fewest bytes held per category since the previous snapshot.</summary>
    public long[] Floor { get; init; } = [];

    /// <summary>Most bytes ever held per category, up to this snapshot.</summary>
    public long[] Peak { get; init; } = [];

    /// <summary>Bytes held in all categories.</summary>
    public long TotalBytes { get; init; }

    /// <summary>Bytes of idle pool buffers (held but not out): pool fragmentation.</summary>
    public long IdleBytes { get; init; }

    /// <summary>Pool buffers out.</summary>
    public long OutstandingBuffers { get; init; }

    /// <summary>Frame acquires that failed for want of buffers or memory, so far.</summary>
    public long FramesDropped { get; init; }

    /// <summary>Every accounted object at the sample.</summary>
    public ObjectSample[] Objects { get; init; } = [];
}
