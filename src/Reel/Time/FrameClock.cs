using System.Threading;

namespace Reel.Time;

/// <summary>
/// The host's frame counter (<c>reel_context_advance_frame</c>) and the time of the latest
/// tick. Pools stamp released buffers with both; trimming by age and reports compare against
/// them. Reading the stored time costs nothing, unlike asking the time source, which matters
/// because buffers are stamped on every release.
/// </summary>
public sealed class FrameClock
{
    private long _frame;
    private long _timeNs;

    /// <summary>Creates a clock at frame 0 and time <paramref name="startNs"/>.</summary>
    public FrameClock(long startNs = 0) => _timeNs = startNs;

    /// <summary>The current frame number (0 before the first tick).</summary>
    public long Frame => Volatile.Read(ref _frame);

    /// <summary>Time source reading at the latest tick, in nanoseconds.</summary>
    public long TimeNs => Volatile.Read(ref _timeNs);

    /// <summary>Moves to the next frame at time <paramref name="nowNs"/>; returns the frame number.</summary>
    public long Advance(long nowNs)
    {
        Volatile.Write(ref _timeNs, nowNs);
        return Interlocked.Increment(ref _frame);
    }
}
