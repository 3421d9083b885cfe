using NUnit.Framework;
using Reel.Tests.Cache.Simulation;

namespace Reel.Tests.Cache;

/// <summary>The test double must catch what the cache tests rely on it to catch.</summary>
public class CountingFramePoolTests
{
    [Test]
    public void Release_MoreOftenThanRetained_IsAViolation()
    {
        var pool = new CountingFramePool(4);
        ulong frame = pool.Allocate(1, 100);
        pool.Retain(frame);
        pool.Release(frame);
        pool.Release(frame);
        Assert.That((pool.Violations, pool.Live), Is.EqualTo((0L, 0L)));
        pool.Release(frame);
        Assert.That(pool.Violations, Is.EqualTo(1));
        Assert.That(pool.FirstViolation, Does.StartWith("release of a freed frame"));
    }

    [Test]
    public void Retain_AfterTheSlotWasReused_IsAViolationNotAResurrection()
    {
        var pool = new CountingFramePool(1);
        ulong stale = pool.Allocate(1, 100);
        pool.Release(stale);
        ulong reused = pool.Allocate(2, 100);
        pool.Retain(stale);
        Assert.That(pool.Violations, Is.EqualTo(1));
        Assert.That(pool.RefCount(reused), Is.EqualTo(1), "the new frame's count is untouched");
        Assert.That(pool.Holds(stale, 1), Is.False);
        Assert.That(pool.Holds(reused, 2), Is.True);
    }

    [Test]
    public void Allocate_Exhausted_ReturnsZero()
    {
        var pool = new CountingFramePool(1);
        Assert.That(pool.Allocate(1, 1), Is.Not.Zero);
        Assert.That(pool.Allocate(2, 1), Is.Zero);
    }
}
