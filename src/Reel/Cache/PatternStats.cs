namespace Reel.Cache;

/// <summary>Hits and misses of the accesses made while one access pattern was detected.</summary>
public readonly struct PatternStats
{
    /// <summary>Creates the stats of one pattern.</summary>
    public PatternStats(long hits, long misses)
    {
        Hits = hits;
        Misses = misses;
    }

    /// <summary>Accesses served from the cache.</summary>
    public long Hits { get; }

    /// <summary>Accesses that found nothing (a request was queued).</summary>
    public long Misses { get; }

    /// <summary>Hits / (hits + misses); 0 when there were no accesses.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
