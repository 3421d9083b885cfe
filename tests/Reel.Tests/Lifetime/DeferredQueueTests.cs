using System.Collections.Generic;
using NUnit.Framework;
using Reel.Handles;
using Reel.Lifetime;
using Reel.Sync;

namespace Reel.Tests.Lifetime;

public class DeferredQueueTests
{
    private sealed class Resource(string name, List<string> released) : IDeferredRelease
    {
        public void Release() => released.Add(name);
    }

    [Test]
    public void Timeline_ReleasesEachResourceWhenItsValueCompletes_KeepingTheRestInOrder()
    {
        var released = new List<string>();
        var queue = new DeferredQueue();
        var gpu = new CpuTimeline();
        queue.ReleaseAtTimeline(new Resource("a", released), gpu, 3);
        queue.ReleaseAtTimeline(new Resource("b", released), gpu, 1);
        queue.ReleaseAtTimeline(new Resource("c", released), gpu, 5);
        queue.ReleaseAtTimeline(new Resource("d", released), gpu, 2);

        Assert.That(queue.Process(0), Is.Zero, "nothing completed yet");
        gpu.Signal(2);
        Assert.That(queue.Process(1), Is.EqualTo(2));
        Assert.That(released, Is.EqualTo(new[] { "b", "d" }));
        Assert.That(queue.Pending, Is.EqualTo(2), "a and c wait");
        gpu.Signal(3);
        queue.Process(2);
        Assert.That(released, Is.EqualTo(new[] { "b", "d", "a" }));
        Assert.That(queue.Flush(), Is.EqualTo(1), "destroy releases c though 5 never completed");
        Assert.That(released[^1], Is.EqualTo("c"));
        Assert.That(queue.Pending, Is.Zero);
    }

    [Test]
    public void Frames_MixedWithTimelines_OnlyDueOnesGo()
    {
        var released = new List<string>();
        var queue = new DeferredQueue();
        var gpu = new CpuTimeline();
        queue.ReleaseAtTimeline(new Resource("gpu", released), gpu, 1);
        queue.ReleaseAtFrame(Handle.Null, 10);  // a buffer due at frame 10 (null handle: its release reports and is ignored)
        Assert.That(queue.Process(5), Is.Zero);
        Assert.That(queue.Process(10), Is.EqualTo(1), "the frame item");
        Assert.That(queue.Pending, Is.EqualTo(1));
        gpu.Signal(1);
        Assert.That(queue.Process(11), Is.EqualTo(1));
        Assert.That(released, Is.EqualTo(new[] { "gpu" }));
    }
}
