namespace Reel.Tests.Cache.Simulation;

/// <summary>Simulated time in microseconds: playback and decoding advance it, nothing waits for real.</summary>
internal sealed class VirtualClock
{
    /// <summary>Microseconds since the start of the run.</summary>
    public long Now { get; private set; }

    /// <summary>Moves the clock forward to <paramref name="time"/> (never back).</summary>
    public void AdvanceTo(long time)
    {
        if (time > Now)
            Now = time;
    }
}
