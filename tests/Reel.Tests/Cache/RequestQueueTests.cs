using System.Collections.Generic;
using NUnit.Framework;
using Reel.Cache;

namespace Reel.Tests.Cache;

public class RequestQueueTests
{
    private static List<long> TakeAll(RequestQueue queue)
    {
        var taken = new List<long>();
        while (queue.TryTake(out long frame, out _))
            taken.Add(frame);
        return taken;
    }

    private static int Replace(RequestQueue queue, params long[] frames)
    {
        queue.BeginReplace();
        foreach (long frame in frames)
            queue.Want(frame, demand: false, out _);
        return queue.EndReplace();
    }

    [Test]
    public void Replace_NewPrediction_CancelsOnlyWhatIsNoLongerWanted()
    {
        var queue = new RequestQueue(8);
        Replace(queue, 1, 2, 3, 4);
        int cancelled = Replace(queue, 3, 4, 5);
        Assert.That(cancelled, Is.EqualTo(2), "1 and 2 are no longer predicted");
        Assert.That(queue.QueuedCount, Is.EqualTo(3));
        Assert.That(TakeAll(queue), Is.EqualTo(new long[] { 3, 4, 5 }), "the new order wins");
    }

    [Test]
    public void Want_FrameInFlight_IsNotQueuedAgain()
    {
        var queue = new RequestQueue(8);
        Replace(queue, 10, 11);
        Assert.That(queue.TryTake(out long first, out _) && first == 10, Is.True);
        Replace(queue, 10, 11, 12);
        Assert.That(queue.InFlightCount, Is.EqualTo(1));
        Assert.That(TakeAll(queue), Is.EqualTo(new long[] { 11, 12 }));
    }

    [Test]
    public void Want_QueueFull_CountsInFlightAgainstTheCapacity()
    {
        var queue = new RequestQueue(3);
        Replace(queue, 1, 2);
        queue.TryTake(out _, out _);
        queue.TryTake(out _, out _);
        Replace(queue, 3, 4, 5);
        Assert.That(queue.Depth, Is.EqualTo(3));
        Assert.That(TakeAll(queue), Is.EqualTo(new long[] { 3 }), "two places are taken by requests in flight");
    }

    [Test]
    public void Want_DemandForAFrameInFlight_MarksItDemanded()
    {
        var queue = new RequestQueue(4);
        Replace(queue, 7);
        queue.TryTake(out _, out bool demandAtTake);
        queue.BeginReplace();
        queue.Want(7, demand: true, out bool isNew);
        queue.EndReplace();
        Assert.That(demandAtTake, Is.False);
        Assert.That(isNew, Is.False);
        Assert.That(queue.Complete(7, out bool wasDemand, out bool wasInFlight), Is.True);
        Assert.That((wasDemand, wasInFlight), Is.EqualTo((true, true)), "a consumer waits for the frame that arrives");
    }

    [Test]
    public void Complete_WaitingRequest_IsNeverHandedOut()
    {
        var queue = new RequestQueue(4);
        Replace(queue, 1, 2, 3);
        Assert.That(queue.Complete(2, out _, out bool inFlight), Is.True);
        Assert.That(inFlight, Is.False);
        Assert.That(queue.Append(2, demand: true), Is.True, "asking again after completion is a new request");
        Assert.That(TakeAll(queue), Is.EqualTo(new long[] { 1, 3, 2 }));
        Assert.That(queue.Complete(99, out _, out _), Is.False);
    }

    [Test]
    public void Append_AfterManyTakes_CompactsAndKeepsOrder()
    {
        var queue = new RequestQueue(4);
        for (long frame = 0; frame < 100; frame++)
        {
            Assert.That(queue.Append(frame, demand: true), Is.True);
            Assert.That(queue.TryTake(out long taken, out bool demand), Is.True);
            Assert.That((taken, demand), Is.EqualTo((frame, true)));
            queue.Complete(taken, out _, out _);
        }
        Assert.That(queue.Depth, Is.Zero);
    }
}
