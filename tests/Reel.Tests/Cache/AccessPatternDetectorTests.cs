using NUnit.Framework;
using Reel.Cache;

namespace Reel.Tests.Cache;

public class AccessPatternDetectorTests
{
    private static AccessPatternDetector Observe(params long[] frames)
    {
        var detector = new AccessPatternDetector();
        foreach (long frame in frames)
            detector.Observe(frame);
        return detector;
    }

    [Test]
    public void Observe_FirstAccess_IsUnknownHeadingForward()
    {
        AccessPatternDetector detector = Observe(100);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Unknown));
        Assert.That(detector.Direction, Is.EqualTo(1));
    }

    [Test]
    public void Observe_EqualForwardSteps_IsForwardAtThatStep()
    {
        Assert.That(Observe(10, 11, 12).Pattern, Is.EqualTo(AccessPattern.Forward));
        AccessPatternDetector fast = Observe(10, 12, 14, 16);
        Assert.That(fast.Pattern, Is.EqualTo(AccessPattern.Forward));
        Assert.That(fast.Step, Is.EqualTo(2), "2x fast forward");
    }

    [Test]
    public void Observe_EqualBackwardSteps_IsReverse()
    {
        AccessPatternDetector detector = Observe(50, 49, 48);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Reverse));
        Assert.That(detector.Direction, Is.EqualTo(-1));
        Assert.That(detector.Step, Is.EqualTo(1));
    }

    [Test]
    public void Observe_IrregularSteps_IsScrubWithMeanVelocity()
    {
        AccessPatternDetector detector = Observe(100, 105, 112, 118, 127);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Scrub));
        Assert.That(detector.Direction, Is.EqualTo(1));
        Assert.That(detector.Step, Is.EqualTo(7), "mean of 5, 7, 6, 9 rounded");
    }

    [Test]
    public void Observe_BackAndForthDrag_IsScrubFollowingTheNetDirection()
    {
        AccessPatternDetector detector = Observe(500, 497, 493, 496, 490, 485);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Scrub));
        Assert.That(detector.Direction, Is.EqualTo(-1));
    }

    [Test]
    public void Observe_JumpDuringPlay_RestartsAsUnknown()
    {
        AccessPatternDetector detector = Observe(10, 11, 12, 13, 5000);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Unknown));
        detector.Observe(5001);
        detector.Observe(5002);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Forward), "play resumes after the click");
    }

    [Test]
    public void Observe_RegionPlayedTwiceWithWrap_IsLoopOfThatRegion()
    {
        var detector = new AccessPatternDetector();
        for (int pass = 0; pass < 3; pass++)
        {
            for (long frame = 200; frame <= 260; frame++)
                detector.Observe(frame);
            if (pass == 0)
                Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Forward), "the first pass is plain forward play");
        }
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Loop));
        Assert.That(detector.LoopStart, Is.EqualTo(200));
        Assert.That(detector.LoopEnd, Is.EqualTo(260));
    }

    [Test]
    public void Observe_ShortLoopBelowJumpDistance_IsStillALoop()
    {
        var detector = new AccessPatternDetector();
        for (int pass = 0; pass < 3; pass++)
        {
            for (long frame = 40; frame <= 51; frame++)
                detector.Observe(frame);
        }
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Loop));
        Assert.That((detector.LoopStart, detector.LoopEnd), Is.EqualTo((40L, 51L)));
    }

    [Test]
    public void Observe_LeavingTheLoop_EndsIt()
    {
        var detector = new AccessPatternDetector();
        for (int pass = 0; pass < 3; pass++)
        {
            for (long frame = 200; frame <= 260; frame++)
                detector.Observe(frame);
        }
        detector.Observe(9000);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Unknown));
        detector.Observe(8999);
        detector.Observe(8998);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Reverse));
    }

    [Test]
    public void Reset_AfterPlay_ForgetsEverything()
    {
        AccessPatternDetector detector = Observe(10, 9, 8, 7);
        detector.Reset();
        Assert.That(detector.Position, Is.EqualTo(-1));
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Unknown));
        detector.Observe(100);
        detector.Observe(101);
        Assert.That(detector.Pattern, Is.EqualTo(AccessPattern.Unknown), "one step is not yet a pattern");
    }
}
