using System.Threading;

namespace Reel.Time;

/// <summary>
/// The host's frame counter (<c>reel_context_advance_frame</c>). Pools stamp released buffers
/// with it, and trimming by age compares against it. Starts at 0.
/// </summary>
public sealed class FrameClock
{
    private long _frame;

    /// <summary>The current frame number.</summary>
    public long Frame => Volatile.Read(ref _frame);

    /// <summary>Moves to the next frame and returns its number.</summary>
    public long Advance() => Interlocked.Increment(ref _frame);
}
