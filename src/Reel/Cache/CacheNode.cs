namespace Reel.Cache;

/// <summary>One cached frame; lives in the preallocated node array of <see cref="FrameStore"/>.</summary>
internal struct CacheNode
{
    /// <summary>The frame number it caches.</summary>
    public long FrameNumber;

    /// <summary>The frame (the cache holds one reference to it).</summary>
    public ulong Frame;

    /// <summary>Bytes counted against the budget (<see cref="IFrameLifetime.SizeOf"/> at insert).</summary>
    public long Size;

    /// <summary>Newer neighbour on its LRU list (<see cref="NodeList"/>); -1 at the head or when not on a list.</summary>
    public int Prev;

    /// <summary>Older neighbour on its LRU list, or the next free node; -1 at the end.</summary>
    public int Next;

    /// <summary>Ring, one of the two LRU lists, or free.</summary>
    public NodePlace Place;

    /// <summary>Inserted without a consumer waiting for it (prefetch or decode by-product).</summary>
    public bool Speculative;

    /// <summary>Handed to a consumer at least once.</summary>
    public bool Used;
}
