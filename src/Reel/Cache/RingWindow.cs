namespace Reel.Cache;

/// <summary>
/// Where the playhead is heading, as the store needs it: the run of consecutive frame
/// numbers the ring should hold now ([Start, Start + ring size)), the playhead, its
/// direction, and the A–B loop it wraps around, if any.
/// </summary>
internal readonly struct RingWindow
{
    /// <summary>Creates a view; <paramref name="loopEnd"/> is -1 when the playhead does not loop.</summary>
    public RingWindow(long start, long playhead, int direction, long loopStart = -1, long loopEnd = -1)
    {
        Start = start;
        Playhead = playhead;
        Direction = direction;
        LoopStart = loopStart;
        LoopEnd = loopEnd;
    }

    /// <summary>First frame of the window.</summary>
    public long Start { get; }

    /// <summary>The frame asked for last (-1 before the first access).</summary>
    public long Playhead { get; }

    /// <summary>+1 or -1: where the playhead is heading.</summary>
    public int Direction { get; }

    /// <summary>First frame (A) of the loop; -1 when not looping.</summary>
    public long LoopStart { get; }

    /// <summary>Last frame (B) of the loop; -1 when not looping.</summary>
    public long LoopEnd { get; }

    /// <summary>
    /// How many frames the playhead moves before it shows <paramref name="frame"/>: positive
    /// ahead, zero or negative when it has passed it or will never get there. In a loop,
    /// frames before the playhead are ahead (after the wrap) and frames outside A–B are never reached.
    /// </summary>
    public long Ahead(long frame)
    {
        long ahead = (frame - Playhead) * Direction;
        if (LoopEnd < 0)
            return ahead;
        if (frame < LoopStart || frame > LoopEnd)
            return -1 - System.Math.Abs(ahead);
        return ahead < 0 ? ahead + (LoopEnd - LoopStart + 1) : ahead;
    }
}
