namespace Reel.Time;

/// <summary>The host's <c>reel_time_fn</c>: nanoseconds of its own clock (a game's simulation time, a virtual clock).</summary>
public sealed unsafe class HostTimeSource : TimeSource
{
    private readonly delegate* unmanaged<void*, ulong> _now;
    private readonly void* _userData;

    /// <summary>Wraps a host callback and its user data.</summary>
    public HostTimeSource(delegate* unmanaged<void*, ulong> now, void* userData)
    {
        _now = now;
        _userData = userData;
    }

    /// <inheritdoc/>
    public override long NowNanoseconds => (long)_now(_userData);
}
