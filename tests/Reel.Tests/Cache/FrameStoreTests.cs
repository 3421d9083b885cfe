using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Cache;

namespace Reel.Tests.Cache;

public class FrameStoreTests
{
    /// <summary>Forward play at <paramref name="playhead"/> with a ring of 4: window [playhead - 1, playhead + 3).</summary>
    private static RingWindow Forward(long playhead) => new(playhead - 1, playhead, 1);

    /// <summary>Frame values are frame number + 1000, so the batch shows what went.</summary>
    private static void Add(FrameStore store, long frameNumber, RingWindow window, List<long> evicted, bool speculative = true)
    {
        Span<ulong> buffer = stackalloc ulong[4];
        var batch = new EvictionBatch(buffer);
        store.Add(frameNumber, (ulong)(frameNumber + 1000), 10, speculative, window, ref batch);
        foreach (ulong frame in batch.Frames)
            evicted.Add((long)frame - 1000);
        store.AssertInvariants();
    }

    private static void Use(FrameStore store, long frameNumber, RingWindow window)
    {
        Assert.That(store.TryFind(frameNumber, out int node), Is.True, $"frame {frameNumber} is cached");
        store.Node(node).Used = true;
        store.Touch(node, window);
        store.AssertInvariants();
    }

    private static string PlaceOf(FrameStore store, long frameNumber) =>
        store.TryFind(frameNumber, out int node) ? store.Node(node).Place.ToString() : "absent";

    [Test]
    public void Add_InsideTheWindow_GoesToTheRingAndPushesTheOccupantToTheLru()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        Add(store, 10, Forward(10), evicted);
        Add(store, 14, Forward(14), evicted);
        Assert.That(PlaceOf(store, 14), Is.EqualTo("Ring"));
        Assert.That(PlaceOf(store, 10), Is.EqualTo("Lookahead"), "10 shares slot 2 with 14 and was never shown");
        Assert.That(evicted, Is.Empty);
        Assert.That((store.RingCount, store.LruCount, store.BytesHeld), Is.EqualTo((1, 1, 20L)));
    }

    [Test]
    public void Add_OutsideTheWindow_GoesToTheLru()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        Add(store, 50, Forward(10), evicted);
        Assert.That(PlaceOf(store, 50), Is.EqualTo("Lookahead"));
    }

    [Test]
    public void Add_LruFull_EvictsTheLeastRecentlyShownFrame()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        RingWindow far = Forward(1000);
        foreach (long f in new long[] { 100, 200, 300, 400 })
            Add(store, f, far, evicted);
        foreach (long f in new long[] { 300, 100, 400, 200 })
            Use(store, f, far); // recency now 200 > 400 > 100 > 300
        // Frames just ahead of the playhead, beyond the ring window [999, 1003).
        Add(store, 1005, far, evicted);
        Add(store, 1006, far, evicted);
        Assert.That(evicted, Is.EqualTo(new long[] { 300, 100 }));
    }

    [Test]
    public void Add_LruFull_StalePredictionGoesBeforeShownFrames()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        RingWindow at = Forward(100);
        Add(store, 90, at, evicted);   // behind the playhead, never shown: stale
        Add(store, 80, at, evicted);
        Use(store, 80, at);
        Add(store, 70, at, evicted);
        Use(store, 70, at);
        Add(store, 60, at, evicted);
        Use(store, 60, at);
        Add(store, 200, at, evicted);
        Assert.That(evicted, Is.EqualTo(new long[] { 90 }));
    }

    [Test]
    public void Add_LruFull_FramesThePlayheadHeadsForOutliveShownFrames()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        RingWindow reverse = new(97, 100, -1); // reverse play at 100, ring window [97, 101)
        Add(store, 150, reverse, evicted);
        Use(store, 150, reverse);
        Add(store, 140, reverse, evicted);
        Use(store, 140, reverse);
        // Ahead in reverse, just below the window, not shown yet (a GOP decoded ahead).
        foreach (long f in new long[] { 96, 95, 94, 93 })
            Add(store, f, reverse, evicted);
        Assert.That(evicted, Is.EqualTo(new long[] { 150, 140 }), "shown frames go, the frames about to be shown stay");
        Assert.That(PlaceOf(store, 96), Is.EqualTo("Lookahead"));
    }

    [Test]
    public void Touch_LruFrameInsideTheWindow_MovesIntoTheRing()
    {
        var store = new FrameStore(4, 4);
        var evicted = new List<long>();
        Add(store, 21, Forward(100), evicted);
        Assert.That(PlaceOf(store, 21), Is.EqualTo("Lookahead"));
        Add(store, 25, Forward(25), evicted);
        Use(store, 21, Forward(21));
        Assert.That(PlaceOf(store, 21), Is.EqualTo("Ring"));
        Assert.That(PlaceOf(store, 25), Is.EqualTo("Lookahead"), "25 held 21's slot and is outside the new window");
    }

    [Test]
    public void EvictOne_LruEmpty_GivesUpRingFramesOutsideTheWindowThenBehindThenFarthestAhead()
    {
        var store = new FrameStore(8, 0);
        var evicted = new List<long>();
        RingWindow window = new(98, 100, 1); // [98, 106)
        foreach (long f in new long[] { 99, 101, 104, 92 })
            Add(store, f, window, evicted);
        var order = new List<long>();
        Span<ulong> buffer = stackalloc ulong[8];
        var batch = new EvictionBatch(buffer);
        while (store.EvictOne(window, ref batch))
        {
        }
        foreach (ulong frame in batch.Frames)
            order.Add((long)frame - 1000);
        Assert.That(evicted, Is.Empty, "four frames in four different slots");
        Assert.That(order, Is.EqualTo(new long[] { 92, 99, 104, 101 }));
        Assert.That(store.BytesHeld, Is.Zero);
    }

    [Test]
    public void DrainInto_SmallBatches_TakesEverythingOnce()
    {
        var store = new FrameStore(8, 8);
        var evicted = new List<long>();
        for (long f = 0; f < 16; f++)
            Add(store, f * 3, Forward(0), evicted);
        var drained = new HashSet<long>();
        Span<ulong> buffer = stackalloc ulong[3];
        var batch = new EvictionBatch(buffer);
        bool more = true;
        while (more)
        {
            more = store.DrainInto(ref batch);
            foreach (ulong frame in batch.Frames)
                Assert.That(drained.Add((long)frame - 1000), Is.True, "each frame is drained once");
            batch.Reset();
        }
        Assert.That(drained.Count + evicted.Count, Is.EqualTo(16));
        Assert.That((store.RingCount, store.LruCount), Is.EqualTo((0, 0)));
    }
}
