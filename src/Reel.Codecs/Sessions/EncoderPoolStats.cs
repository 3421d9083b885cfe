namespace Reel.Codecs.Sessions;

/// <summary>Counters of a context's encoder session pool (<c>reel_encoder_pool_stats_t</c>).</summary>
internal readonly record struct EncoderPoolStats(
    int Configurations,
    long Requests,
    long Hits,
    long Misses,
    long ReturnedUnused,
    long Replenished,
    long Retired,
    int Idle,
    int Starting,
    long Reconfigured)
{
    /// <summary>Hits per request; 0 before the first request.</summary>
    public double ReuseRate => Requests == 0 ? 0 : (double)Hits / Requests;
}
