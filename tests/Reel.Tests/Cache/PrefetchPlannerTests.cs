using System;
using System.Linq;
using NUnit.Framework;
using Reel.Cache;

namespace Reel.Tests.Cache;

public class PrefetchPlannerTests
{
    private static AccessPatternDetector Observe(params long[] frames)
    {
        var detector = new AccessPatternDetector();
        foreach (long frame in frames)
            detector.Observe(frame);
        return detector;
    }

    private static long[] Plan(AccessPatternDetector detector, int depth, long frameCount = 0)
    {
        var targets = new long[depth];
        int count = PrefetchPlanner.Plan(detector, depth, frameCount, targets);
        return targets.AsSpan(0, count).ToArray();
    }

    [Test]
    public void Plan_ForwardPlay_NextFramesNearestFirst()
    {
        Assert.That(Plan(Observe(10, 11, 12), 4), Is.EqualTo(new long[] { 13, 14, 15, 16 }));
    }

    [Test]
    public void Plan_FastForward_FollowsTheStep()
    {
        Assert.That(Plan(Observe(10, 12, 14), 3), Is.EqualTo(new long[] { 16, 18, 20 }));
    }

    [Test]
    public void Plan_ReversePlay_PreviousFramesStoppingAtZero()
    {
        Assert.That(Plan(Observe(5, 4, 3), 6), Is.EqualTo(new long[] { 2, 1, 0 }));
    }

    [Test]
    public void Plan_ForwardPlayNearTheEnd_StopsAtTheFrameCount()
    {
        Assert.That(Plan(Observe(96, 97, 98), 6, frameCount: 100), Is.EqualTo(new long[] { 99 }));
    }

    [Test]
    public void Plan_Loop_WrapsFromBToA()
    {
        var detector = new AccessPatternDetector();
        for (int pass = 0; pass < 2; pass++)
        {
            for (long frame = 100; frame <= 109; frame++)
                detector.Observe(frame);
        }
        detector.Observe(100);
        for (long frame = 101; frame <= 107; frame++)
            detector.Observe(frame);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Loop));
        Assert.That(Plan(detector, 5), Is.EqualTo(new long[] { 108, 109, 100, 101, 102 }));
        Assert.That(Plan(detector, 30), Has.Length.EqualTo(9), "never more than the loop's other frames");
    }

    [Test]
    public void Plan_ScrubAndUnknown_HalfTheDepthAlongTheDirection()
    {
        Assert.That(Plan(Observe(100, 105, 112, 118, 127), 8), Is.EqualTo(new long[] { 134, 141, 148, 155 }));
        Assert.That(Plan(Observe(700), 8), Is.EqualTo(new long[] { 701, 702, 703, 704 }));
    }

    [Test]
    public void Plan_DepthZero_PlansNothing()
    {
        Assert.That(PrefetchPlanner.Plan(Observe(1, 2, 3), 0, 0, Span<long>.Empty), Is.Zero);
    }

    [Test]
    public void Window_ForwardAndReverse_ThreeQuartersAhead()
    {
        RingWindow forward = PrefetchPlanner.Window(Observe(98, 99, 100), 64);
        Assert.That(forward.Start, Is.EqualTo(100 - 16));
        RingWindow reverse = PrefetchPlanner.Window(Observe(102, 101, 100), 64);
        Assert.That(reverse.Start, Is.EqualTo(100 + 16 + 1 - 64), "the window ends 16 frames above the playhead");
        Assert.That(reverse.Direction, Is.EqualTo(-1));
    }

    [Test]
    public void Window_LoopThatFits_StartsAtA()
    {
        var detector = new AccessPatternDetector();
        for (int pass = 0; pass < 3; pass++)
        {
            for (long frame = 300; frame <= 339; frame++)
                detector.Observe(frame);
        }
        RingWindow window = PrefetchPlanner.Window(detector, 64);
        Assert.That(window.Start, Is.EqualTo(300));
        Assert.That(window.Ahead(301), Is.EqualTo(40 - 339 + 301), "frames after the wrap are ahead");
        Assert.That(window.Ahead(400), Is.LessThan(0), "frames outside the loop are never reached");
        Assert.That(Enumerable.Range(300, 40).All(f => window.Ahead(f) >= 0), Is.True);
    }
}
