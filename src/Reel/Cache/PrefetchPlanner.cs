using System;

namespace Reel.Cache;

/// <summary>
/// Turns the detected pattern into the frames to prefetch, most urgent first, and into the
/// window the ring should cover. Pure functions of the detector's state.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Forward / reverse play: the next <c>depth</c> frames at the play step, in the play direction.</item>
/// <item>Loop: the next frames forward, wrapping from B to A, at most the loop's length.</item>
/// <item>Scrub: <c>depth / 2</c> frames along the drag velocity (a guess is less certain than
/// play; a decoder that walks to each target from its keyframe also fills the frames in between).</item>
/// <item>Unknown (first access, after a click): <c>depth / 2</c> frames forward, since a click
/// is most often followed by play.</item>
/// </list>
/// </remarks>
internal static class PrefetchPlanner
{
    /// <summary>
    /// Writes the frames to prefetch into <paramref name="targets"/> (most urgent first) and
    /// returns how many; none below 0 or at or beyond <paramref name="frameCount"/> (0 = unknown).
    /// </summary>
    public static int Plan(AccessPatternDetector detector, int depth, long frameCount, Span<long> targets)
    {
        long position = detector.Position;
        if (position < 0 || depth == 0)
            return 0;
        long stride = (long)detector.Direction * detector.Step;
        int wanted = detector.Pattern switch
        {
            AccessPattern.Forward or AccessPattern.Reverse => depth,
            AccessPattern.Loop => (int)Math.Min(depth, (detector.LoopEnd - detector.LoopStart) / detector.Step + 1),
            _ => Math.Max(1, depth / 2),
        };
        wanted = Math.Min(wanted, targets.Length);
        int count = 0;
        long frame = position;
        for (int i = 0; i < wanted; i++)
        {
            frame += stride;
            if (detector.Pattern == AccessPattern.Loop && frame > detector.LoopEnd)
                frame = detector.LoopStart + (frame - detector.LoopEnd - 1);
            if (frame < 0 || (frameCount > 0 && frame >= frameCount))
                break;
            if (frame == position)
                break; // a loop shorter than the depth has come round
            targets[count++] = frame;
        }
        return count;
    }

    /// <summary>
    /// Where the ring window starts: 1/4 of the ring behind the playhead and 3/4 ahead in the
    /// direction of play (frames just shown are asked for again when the user steps back);
    /// the whole loop when it fits; centred while scrubbing.
    /// </summary>
    public static RingWindow Window(AccessPatternDetector detector, int ringSize)
    {
        long position = detector.Position;
        int behind = ringSize / 4;
        long start = detector.Pattern switch
        {
            AccessPattern.Loop when detector.LoopEnd - detector.LoopStart < ringSize => detector.LoopStart,
            AccessPattern.Scrub => position - ringSize / 2,
            _ => detector.Direction > 0 ? position - behind : position + behind + 1 - ringSize,
        };
        return detector.Pattern == AccessPattern.Loop
            ? new RingWindow(start, position, detector.Direction, detector.LoopStart, detector.LoopEnd)
            : new RingWindow(start, position, detector.Direction);
    }
}
