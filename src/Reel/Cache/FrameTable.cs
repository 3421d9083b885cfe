using System;
using System.Diagnostics;
using System.Numerics;

namespace Reel.Cache;

/// <summary>
/// A fixed-size open-addressing map from frame number (≥ 0) to an int, allocated once: no
/// allocation on add, find or remove. Linear probing with backward-shift deletion, so there
/// are no tombstones and lookups stay short however long the cache runs. Not thread-safe.
/// </summary>
internal sealed class FrameTable
{
    /// <summary>Key of an empty bucket (frame numbers are never negative).</summary>
    private const long Empty = -1;

    /// <summary>Keys by bucket; <see cref="Empty"/> where free.</summary>
    private readonly long[] _keys;

    /// <summary>Values by bucket.</summary>
    private readonly int[] _values;

    /// <summary>Bucket count minus one (the count is a power of two).</summary>
    private readonly int _mask;

    /// <summary>64 minus log2 of the bucket count: the shift of the Fibonacci hash.</summary>
    private readonly int _shift;

    /// <summary>Most entries allowed; the table is kept at most half full.</summary>
    private readonly int _capacity;

    /// <summary>Entries now.</summary>
    private int _count;

    /// <summary>A table for at most <paramref name="capacity"/> entries.</summary>
    public FrameTable(int capacity)
    {
        Debug.Assert(capacity >= 0, "A table holds zero or more entries.");
        int buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, capacity * 2));
        _keys = new long[buckets];
        _values = new int[buckets];
        _keys.AsSpan().Fill(Empty);
        _mask = buckets - 1;
        _shift = 64 - BitOperations.Log2((uint)buckets);
        _capacity = capacity;
    }

    /// <summary>Entries now.</summary>
    public int Count => _count;

    /// <summary>The value of <paramref name="key"/>, if present.</summary>
    public bool TryGet(long key, out int value)
    {
        int bucket = Find(key);
        value = bucket >= 0 ? _values[bucket] : 0;
        return bucket >= 0;
    }

    /// <summary>Adds or replaces; the caller keeps the count within <see cref="Capacity"/>.</summary>
    public void Set(long key, int value)
    {
        Debug.Assert(key >= 0, "Frame numbers are not negative.");
        int bucket = Home(key);
        while (_keys[bucket] != Empty)
        {
            if (_keys[bucket] == key)
            {
                _values[bucket] = value;
                return;
            }
            bucket = (bucket + 1) & _mask;
        }
        Debug.Assert(_count < _capacity, "The owner never adds beyond the capacity it asked for.");
        _keys[bucket] = key;
        _values[bucket] = value;
        _count++;
    }

    /// <summary>Removes <paramref name="key"/>; false if it was absent.</summary>
    public bool Remove(long key)
    {
        int hole = Find(key);
        if (hole < 0)
            return false;
        // Backward-shift: move later members of the probe run into the hole when their home
        // bucket does not lie cyclically between the hole and their bucket.
        int bucket = hole;
        while (true)
        {
            bucket = (bucket + 1) & _mask;
            long moving = _keys[bucket];
            if (moving == Empty)
                break;
            int home = Home(moving);
            bool stays = hole <= bucket ? hole < home && home <= bucket : hole < home || home <= bucket;
            if (stays)
                continue;
            _keys[hole] = moving;
            _values[hole] = _values[bucket];
            hole = bucket;
        }
        _keys[hole] = Empty;
        _count--;
        return true;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _keys.AsSpan().Fill(Empty);
        _count = 0;
    }

    private int Find(long key)
    {
        int bucket = Home(key);
        while (true)
        {
            long found = _keys[bucket];
            if (found == key)
                return bucket;
            if (found == Empty)
                return -1;
            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Fibonacci hashing spreads runs of consecutive frame numbers over the table.</summary>
    private int Home(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift) & _mask;
}
