using NUnit.Framework;
using Reel.Lifetime;
using Reel.Sync;

namespace Reel.Tests.Lifetime;

/// <summary>The deferred queue keeps what is not due and releases what is, keyed by frame or by any timeline.</summary>
public class DeferredQueueTests
{
    private sealed class Counted : IDeferredRelease
    {
        public int Releases;

        public void Release() => Releases++;
    }

    [Test]
    public void Process_ReleasesDueItemsAndKeepsTheOthersInOrder()
    {
        var queue = new DeferredQueue();
        var early = new CpuTimeline();
        var late = new CpuTimeline();
        var a = new Counted();
        var b = new Counted();
        var c = new Counted();
        queue.ReleaseAtTimeline(a, late, 5);
        queue.ReleaseAtTimeline(b, early, 1);
        queue.ReleaseAtTimeline(c, late, 2);
        early.Signal(1);
        Assert.That(queue.Process(0), Is.EqualTo(1), "an item that is not due sits before the due one");
        Assert.That((a.Releases, b.Releases, c.Releases, queue.Pending), Is.EqualTo((0, 1, 0, 2)));
        late.Signal(3);
        Assert.That(queue.Process(0), Is.EqualTo(1));
        Assert.That((a.Releases, c.Releases, queue.Pending), Is.EqualTo((0, 1, 1)));
        Assert.That(queue.Flush(), Is.EqualTo(1));
        Assert.That((a.Releases, b.Releases, c.Releases), Is.EqualTo((1, 1, 1)), "each released exactly once");
    }
}
