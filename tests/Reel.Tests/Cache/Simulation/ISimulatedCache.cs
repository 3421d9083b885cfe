namespace Reel.Tests.Cache.Simulation;

/// <summary>What the playback simulation needs from a cache: the Reel cache and the plain LRU baseline both provide it.</summary>
internal interface ISimulatedCache
{
    /// <summary>Name printed in tables.</summary>
    string Name { get; }

    /// <summary>Looks up a frame; on a hit the frame is retained for the caller.</summary>
    bool TryGet(long frameNumber, out ulong frame);

    /// <summary>The next frame a producer should decode; false when none is wanted.</summary>
    bool TryTakeRequest(out long frameNumber);

    /// <summary>Stores a decoded frame (the cache retains it if it keeps it).</summary>
    void Insert(long frameNumber, ulong frame);

    /// <summary>Gives back a request that cannot be served.</summary>
    void AbandonRequest(long frameNumber);
}
