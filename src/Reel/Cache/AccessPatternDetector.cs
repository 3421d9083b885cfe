using System;

namespace Reel.Cache;

/// <summary>
/// Classifies the playhead's movement from the frame numbers it asks for: forward play,
/// reverse play, scrubbing, an A–B loop. Keeps a few numbers, allocates nothing. Not
/// thread-safe: the cache calls it under its lock.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A step of at most <see cref="MaxPlayStep"/> frames repeated <see cref="PlayRun"/>
/// times is play (forward or reverse, at 1× to 4× speed).</item>
/// <item>A step longer than <see cref="JumpDistance"/> is a jump (a click on the timeline):
/// the step history restarts and the pattern is Unknown until steps repeat again.</item>
/// <item>A backward leap (longer than a play step) that starts and lands within
/// <see cref="LoopTolerance"/> frames of the previous backward leap makes the region an A–B loop; the loop holds while the
/// playhead steps forward inside it or wraps from B to A, and ends on any other move.</item>
/// <item>Anything else with history is scrubbing, whose velocity is the mean of the recent steps.</item>
/// </list>
/// </remarks>
internal sealed class AccessPatternDetector
{
    /// <summary>Longest step (frames) that still counts as play rather than a scrub drag.</summary>
    public const int MaxPlayStep = 4;

    /// <summary>Equal steps in a row that make play.</summary>
    public const int PlayRun = 2;

    /// <summary>Steps longer than this are jumps, not drags.</summary>
    public const int JumpDistance = 48;

    /// <summary>How far (frames) two backward leaps may differ and still be the same A–B loop.</summary>
    public const int LoopTolerance = 2;

    /// <summary>Steps kept for the scrub velocity.</summary>
    private const int HistoryLength = 4;

    /// <summary>The last steps, newest at <c>(_historyCount - 1) % HistoryLength</c>.</summary>
    private readonly long[] _steps = new long[HistoryLength];

    /// <summary>Steps recorded since the last reset (only the last <see cref="HistoryLength"/> are kept).</summary>
    private int _historyCount;

    /// <summary>Origin (B) of the last backward leap; -1 when none since the last reset.</summary>
    private long _leapFrom = -1;

    /// <summary>Target (A) of the last backward leap; -1 when none.</summary>
    private long _leapTo = -1;

    /// <summary>The frame asked for last; -1 before the first access.</summary>
    public long Position { get; private set; } = -1;

    /// <summary>The current pattern.</summary>
    public AccessPattern Pattern { get; private set; }

    /// <summary>+1 or -1: where the playhead is heading (+1 when unknown, the common case after a click).</summary>
    public int Direction { get; private set; } = 1;

    /// <summary>Frames per access in <see cref="Direction"/>: the play step, or the scrub speed; at least 1.</summary>
    public int Step { get; private set; } = 1;

    /// <summary>First frame of the loop (A); valid when the pattern is Loop.</summary>
    public long LoopStart { get; private set; }

    /// <summary>Last frame of the loop (B); valid when the pattern is Loop.</summary>
    public long LoopEnd { get; private set; }

    /// <summary>Records an access to <paramref name="frame"/> (never the same frame twice in a row) and updates the pattern.</summary>
    public void Observe(long frame)
    {
        long previous = Position;
        Position = frame;
        if (previous < 0)
        {
            Pattern = AccessPattern.Unknown;
            return;
        }
        long step = frame - previous;
        if (Pattern == AccessPattern.Loop && StaysInLoop(previous, frame, step))
            return;
        if (step < -MaxPlayStep && ObserveLeapBack(previous, frame))
            return;
        if (Math.Abs(step) > JumpDistance)
        {
            // A click on the timeline: old steps say nothing about what comes next.
            _historyCount = 0;
            Pattern = AccessPattern.Unknown;
            Direction = 1;
            Step = 1;
            return;
        }

        _steps[_historyCount % HistoryLength] = step;
        _historyCount++;
        Direction = step > 0 ? 1 : -1;
        if (_historyCount < PlayRun)
        {
            Pattern = AccessPattern.Unknown;
            Step = (int)Math.Min(Math.Abs(step), MaxPlayStep);
            return;
        }
        if (Math.Abs(step) <= MaxPlayStep && LastStepsEqual(step))
        {
            Pattern = step > 0 ? AccessPattern.Forward : AccessPattern.Reverse;
            Step = (int)Math.Abs(step);
            return;
        }
        Pattern = AccessPattern.Scrub;
        long velocity = MeanStep();
        if (velocity != 0)
            Direction = velocity > 0 ? 1 : -1;
        Step = (int)Math.Max(1, Math.Abs(velocity));
    }

    /// <summary>Forgets everything (after the cache is cleared).</summary>
    public void Reset()
    {
        Position = -1;
        Pattern = AccessPattern.Unknown;
        Direction = 1;
        Step = 1;
        _historyCount = 0;
        _leapFrom = _leapTo = -1;
    }

    private bool StaysInLoop(long previous, long frame, long step)
    {
        bool inside = frame >= LoopStart - LoopTolerance && frame <= LoopEnd + LoopTolerance;
        bool stepsForward = step >= 1 && step <= MaxPlayStep;
        bool wraps = step < 0 && Math.Abs(frame - LoopStart) <= LoopTolerance && previous >= LoopEnd - LoopTolerance;
        if (inside && (stepsForward || wraps))
        {
            Direction = 1;
            if (stepsForward)
                Step = (int)step;
            return true;
        }
        // Left the loop: fall back to ordinary detection with a fresh history.
        _historyCount = 0;
        _leapFrom = _leapTo = -1;
        return false;
    }

    /// <summary>
    /// Remembers a backward leap (B to A); true when it repeats the previous one, which makes
    /// the pattern an A–B loop.
    /// </summary>
    private bool ObserveLeapBack(long previous, long frame)
    {
        bool repeats = _leapFrom >= 0
            && Math.Abs(previous - _leapFrom) <= LoopTolerance
            && Math.Abs(frame - _leapTo) <= LoopTolerance;
        _leapFrom = previous;
        _leapTo = frame;
        if (!repeats)
            return false;
        Pattern = AccessPattern.Loop;
        LoopStart = frame;
        LoopEnd = previous;
        Direction = 1;
        Step = 1;
        _historyCount = 0;
        return true;
    }

    private bool LastStepsEqual(long step)
    {
        for (int i = 1; i <= PlayRun; i++)
        {
            if (_steps[(_historyCount - i) % HistoryLength] != step)
                return false;
        }
        return true;
    }

    private long MeanStep()
    {
        int n = Math.Min(_historyCount, HistoryLength);
        long sum = 0;
        for (int i = 1; i <= n; i++)
            sum += _steps[(_historyCount - i) % HistoryLength];
        return (long)Math.Round((double)sum / n);
    }
}
