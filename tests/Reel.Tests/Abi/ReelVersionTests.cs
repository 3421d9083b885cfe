using NUnit.Framework;
using Reel.Abi;

namespace Reel.Tests.Abi;

public class ReelVersionTests
{
    [Test]
    public void Packing_MatchesReelMakeVersion()
    {
        uint v = ReelVersion.Make(3, 17, 4095);
        Assert.That(v, Is.EqualTo((3u << 22) | (17u << 12) | 4095u));
        Assert.That((ReelVersion.MajorOf(v), ReelVersion.MinorOf(v), ReelVersion.PatchOf(v)), Is.EqualTo((3u, 17u, 4095u)));
        Assert.That(ReelVersion.Format(v), Is.EqualTo("3.17.4095"));
        Assert.That(ReelVersion.Text, Is.EqualTo($"{ReelVersion.Major}.{ReelVersion.Minor}.{ReelVersion.Patch}"));
    }

    [Test]
    public void Serves_ZeroAndOwnVersion_Accepted()
    {
        Assert.That(ReelVersion.Serves(0), Is.True);
        Assert.That(ReelVersion.Serves(ReelVersion.Packed), Is.True);
        Assert.That(ReelVersion.Serves(ReelVersion.Make(ReelVersion.Major, ReelVersion.Minor, ReelVersion.Patch + 7)), Is.True,
            "a newer patch only fixes bugs");
    }

    [Test]
    public void Serves_OtherMajor_Refused()
    {
        Assert.That(ReelVersion.Serves(ReelVersion.Make(ReelVersion.Major + 1, 0, 0)), Is.False);
    }

    [Test]
    public void Serves_NewerMinorDuringZeroDotX_Refused()
    {
        Assume.That(ReelVersion.Major, Is.EqualTo(0u), "the 0.x rule applies only before 1.0");
        Assert.That(ReelVersion.Serves(ReelVersion.Make(0, ReelVersion.Minor + 1, 0)), Is.False);
        Assert.That(ReelVersion.Serves(ReelVersion.Make(0, 0, 0)), Is.True, "older minors are served: releases only append");
    }
}
