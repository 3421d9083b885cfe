using System.Threading;

namespace Reel.Memory;

/// <summary>
/// A context's exact count of the unmanaged bytes it holds, per category: current, peak, and
/// the lowest value since the last snapshot (the floor the leak detector fits). Every
/// allocation and free of pool buffers, staging and backend memory is charged here; all of
/// them happen on slow paths, never on acquire or release.
/// </summary>
public sealed class MemoryAccounting
{
    private readonly long[] _current = new long[MemoryCategories.Count];
    private readonly long[] _peak = new long[MemoryCategories.Count];
    private readonly long[] _floor = new long[MemoryCategories.Count];
    private long _total;
    private long _totalPeak;
    private long _droppedFrames;

    /// <summary>Adds <paramref name="bytes"/> to a category (an allocation).</summary>
    public void Charge(MemoryCategory category, long bytes)
    {
        long now = Interlocked.Add(ref _current[(int)category], bytes);
        Raise(ref _peak[(int)category], now);
        Raise(ref _totalPeak, Interlocked.Add(ref _total, bytes));
    }

    /// <summary>Takes <paramref name="bytes"/> from a category (a free).</summary>
    public void Discharge(MemoryCategory category, long bytes)
    {
        long now = Interlocked.Add(ref _current[(int)category], -bytes);
        Lower(ref _floor[(int)category], now);
        Interlocked.Add(ref _total, -bytes);
    }

    /// <summary>Bytes held now in a category.</summary>
    public long Current(MemoryCategory category) => Volatile.Read(ref _current[(int)category]);

    /// <summary>Most bytes ever held at once in a category.</summary>
    public long Peak(MemoryCategory category) => Volatile.Read(ref _peak[(int)category]);

    /// <summary>Bytes held now in all categories.</summary>
    public long Total => Volatile.Read(ref _total);

    /// <summary>Most bytes ever held at once in all categories.</summary>
    public long TotalPeak => Volatile.Read(ref _totalPeak);

    /// <summary>Frame acquires that failed for want of memory or buffers (dropped frames).</summary>
    public long DroppedFrames => Volatile.Read(ref _droppedFrames);

    /// <summary>Counts a frame the host could not get (pool exhausted, out of memory, wait timed out).</summary>
    public void CountDroppedFrame() => Interlocked.Increment(ref _droppedFrames);

    /// <summary>
    /// The lowest value of a category since the previous call, then restarts the floor at the
    /// current value. Snapshots call it once per interval.
    /// </summary>
    public long TakeFloor(MemoryCategory category)
    {
        long current = Current(category);
        long floor = Interlocked.Exchange(ref _floor[(int)category], current);
        return floor < current ? floor : current;
    }

    private static void Raise(ref long target, long value)
    {
        long seen = Volatile.Read(ref target);
        while (value > seen)
        {
            long previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }

    private static void Lower(ref long target, long value)
    {
        long seen = Volatile.Read(ref target);
        while (value < seen)
        {
            long previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }
}
