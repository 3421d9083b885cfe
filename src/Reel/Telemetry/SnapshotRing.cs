using System;

namespace Reel.Telemetry;

/// <summary>The last N snapshots, oldest overwritten first (1440 = a day of minute samples by default).</summary>
public sealed class SnapshotRing
{
    private readonly Snapshot[] _items;
    private int _next;

    /// <summary>Creates a ring of <paramref name="capacity"/> snapshots.</summary>
    public SnapshotRing(int capacity) => _items = new Snapshot[capacity];

    /// <summary>Snapshots held (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Snapshots ever taken.</summary>
    public long Taken { get; private set; }

    /// <summary>Most snapshots held.</summary>
    public int Capacity => _items.Length;

    /// <summary>The i-th held snapshot, 0 being the oldest.</summary>
    public Snapshot this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            int start = Count < _items.Length ? 0 : _next;
            return _items[(start + index) % _items.Length];
        }
    }

    /// <summary>Adds a snapshot, dropping the oldest when full.</summary>
    public void Add(Snapshot snapshot)
    {
        _items[_next] = snapshot;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
        Taken++;
    }
}
