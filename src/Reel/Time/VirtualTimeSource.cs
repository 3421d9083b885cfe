using System.Threading;

namespace Reel.Time;

/// <summary>A clock that moves only when told to: 24 virtual hours can pass in seconds.</summary>
public sealed class VirtualTimeSource : TimeSource
{
    private long _now;

    /// <inheritdoc/>
    public override long NowNanoseconds => Volatile.Read(ref _now);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(long nanoseconds) => Interlocked.Add(ref _now, nanoseconds);
}
