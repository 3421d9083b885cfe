namespace Reel.Time;

/// <summary>
/// Where a context's time comes from, in nanoseconds from an arbitrary origin: the monotonic
/// clock by default, the host's callback (<c>reel_context_desc_t.time_callback</c>), or a
/// virtual clock that simulations move by hand.
/// </summary>
public abstract class TimeSource
{
    /// <summary>Nanoseconds now; never goes backwards.</summary>
    public abstract long NowNanoseconds { get; }
}
