using System;

namespace Reel.Cache;

/// <summary>
/// Frames detached from the cache under its lock, to be released after the lock is dropped
/// (a last release may call a host allocator). Backed by the caller's stack memory.
/// </summary>
internal ref struct EvictionBatch
{
    /// <summary>The caller's stack memory; the first <see cref="Count"/> entries are in use.</summary>
    private readonly Span<ulong> _frames;

    /// <summary>A batch over <paramref name="frames"/>.</summary>
    public EvictionBatch(Span<ulong> frames)
    {
        _frames = frames;
        Count = 0;
        Wasted = 0;
    }

    /// <summary>Frames in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>How many of them were prefetched and never handed out.</summary>
    public int Wasted { get; private set; }

    /// <summary>Free places left.</summary>
    public readonly int Room => _frames.Length - Count;

    /// <summary>The frames to release.</summary>
    public readonly ReadOnlySpan<ulong> Frames => _frames[..Count];

    /// <summary>Adds the frame of a detached node.</summary>
    public void Add(in CacheNode node)
    {
        _frames[Count++] = node.Frame;
        if (node.Speculative && !node.Used)
            Wasted++;
    }

    /// <summary>Empties the batch after its frames were released.</summary>
    public void Reset()
    {
        Count = 0;
        Wasted = 0;
    }
}
