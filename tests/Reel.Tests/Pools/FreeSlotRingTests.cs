using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class FreeSlotRingTests
{
    [Test]
    public void Fifo_OldestFirst()
    {
        var ring = new FreeSlotRing(8);
        for (int i = 0; i < 5; i++)
            Assert.That(ring.TryEnqueue(i), Is.True);
        Assert.That(ring.Count, Is.EqualTo(5));
        for (int i = 0; i < 5; i++)
        {
            Assert.That(ring.TryDequeue(out int value), Is.True);
            Assert.That(value, Is.EqualTo(i));
        }
        Assert.That(ring.TryDequeue(out _), Is.False);
    }

    [Test]
    public void Capacity_RoundsUpToPowerOfTwo_AndIsABound()
    {
        var ring = new FreeSlotRing(5);
        Assert.That(ring.Capacity, Is.EqualTo(8));
        for (int i = 0; i < 8; i++)
            Assert.That(ring.TryEnqueue(i), Is.True);
        Assert.That(ring.TryEnqueue(99), Is.False, "a full ring refuses");
    }

    [Test]
    public void WrapsAroundManyTimes()
    {
        var ring = new FreeSlotRing(4);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.That(ring.TryEnqueue(i), Is.True);
            Assert.That(ring.TryDequeue(out int value), Is.True);
            Assert.That(value, Is.EqualTo(i));
        }
    }

    [Test]
    public void ManyProducersAndConsumers_LoseAndDuplicateNothing()
    {
        const int Items = 64;
        var ring = new FreeSlotRing(Items);
        for (int i = 0; i < Items; i++)
            ring.TryEnqueue(i);
        var owners = new int[Items];
        long moves = 0;
        using var stop = new CancellationTokenSource(1000);
        var violations = new ConcurrentBag<string>();
        Task[] workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!ring.TryDequeue(out int item))
                    continue;
                if (Interlocked.Exchange(ref owners[item], 1) != 0)
                    violations.Add($"item {item} dequeued twice");
                Interlocked.Exchange(ref owners[item], 0);
                // The ring holds exactly Items cells, so TryEnqueue may meet a cell a dequeuer is still reading; Enqueue waits for it.
                ring.Enqueue(item);
                Interlocked.Increment(ref moves);
            }
        })).ToArray();
        Task.WaitAll(workers);
        Assert.That(violations, Is.Empty);
        Assert.That(moves, Is.GreaterThan(10_000));
        var seen = new int[Items];
        while (ring.TryDequeue(out int item))
            seen[item]++;
        Assert.That(seen, Is.All.EqualTo(1), "every item is in the ring exactly once at the end");
    }
}
