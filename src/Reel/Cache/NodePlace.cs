namespace Reel.Cache;

/// <summary>Where a <see cref="CacheNode"/> is.</summary>
internal enum NodePlace : byte
{
    /// <summary>On the free list.</summary>
    Free = 0,
    /// <summary>In a ring slot (frame number modulo ring size).</summary>
    Ring = 1,
    /// <summary>In the LRU's recency list: frames handed out before.</summary>
    Recent = 2,
    /// <summary>In the LRU's lookahead list: decoded ahead, not handed out yet.</summary>
    Lookahead = 3,
}
