using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Reel.Handles;

namespace Reel.Tests.Handles;

public class HandleTableTests
{
    private sealed class Item
    {
        /// <summary>The handle the item was registered under; 0 until the writer stores it.</summary>
        public ulong HandleValue;
    }

    [Test]
    public void Add_Get_Remove_ThenStale()
    {
        var table = new HandleTable<Item>(HandleType.Context, 8);
        var item = new Item();
        Assert.That(table.TryAdd(item, out Handle handle), Is.True);
        Assert.That(handle.Type, Is.EqualTo(HandleType.Context));
        Assert.That(table.LiveCount, Is.EqualTo(1));

        Assert.That(table.TryGet(handle, out Item? found), Is.EqualTo(HandleError.None));
        Assert.That(found, Is.SameAs(item));

        Assert.That(table.TryRemove(handle, out Item? removed), Is.EqualTo(HandleError.None));
        Assert.That(removed, Is.SameAs(item));
        Assert.That(table.LiveCount, Is.Zero);

        Assert.That(table.TryGet(handle, out found), Is.EqualTo(HandleError.Stale));
        Assert.That(found, Is.Null);
        Assert.That(table.TryRemove(handle, out _), Is.EqualTo(HandleError.Stale), "removing twice is refused");
    }

    [Test]
    public void NullWrongTypeAndForgedValues_AreRefused()
    {
        var table = new HandleTable<Item>(HandleType.Context, 300);
        table.TryAdd(new Item(), out Handle handle);

        Assert.That(table.TryGet(Handle.Null, out _), Is.EqualTo(HandleError.Null));
        Assert.That(table.TryGet(new Handle(handle.Value & 0x00FF_FFFF_FFFF_FFFF | (0x02UL << 56)), out _), Is.EqualTo(HandleError.WrongType));
        Assert.That(table.TryGet(new Handle(HandleType.Context, handle.Index, handle.Generation + 1), out _), Is.EqualTo(HandleError.NeverIssued),
            "a future generation was never issued");
        Assert.That(table.TryGet(new Handle(HandleType.Context, 1, 1), out _), Is.EqualTo(HandleError.NeverIssued), "slot 1 is on an allocated page but unused");
        Assert.That(table.TryGet(new Handle(HandleType.Context, 299, 1), out _), Is.EqualTo(HandleError.NeverIssued), "its page was never allocated");
        Assert.That(table.TryGet(new Handle(HandleType.Context, 5000, 1), out _), Is.EqualTo(HandleError.NeverIssued), "beyond capacity");
        Assert.That(table.TryGet(new Handle(handle.Value & ~(0xFF_FFFFUL << 32)), out _), Is.EqualTo(HandleError.NeverIssued), "generation 0 is never issued");
    }

    [Test]
    public void Capacity_IsAHardLimit()
    {
        var table = new HandleTable<Item>(HandleType.Context, 3);
        var handles = new List<Handle>();
        for (int i = 0; i < 3; i++)
        {
            Assert.That(table.TryAdd(new Item(), out Handle h), Is.True);
            handles.Add(h);
        }
        Assert.That(table.TryAdd(new Item(), out Handle none), Is.False);
        Assert.That(none.IsNull, Is.True);

        table.TryRemove(handles[1], out _);
        Assert.That(table.TryAdd(new Item(), out Handle reused), Is.True, "a full table reuses freed slots at once");
        Assert.That(reused.Index, Is.EqualTo(handles[1].Index));
        Assert.That(reused.Generation, Is.EqualTo(handles[1].Generation + 1));
        Assert.That(table.TryGet(handles[1], out _), Is.EqualTo(HandleError.Stale), "the old handle does not reach the new occupant");
    }

    [Test]
    public void FreedSlots_WaitBeforeReuse_OldestFirst()
    {
        var table = new HandleTable<Item>(HandleType.Context, 10_000);
        var freed = new List<Handle>();
        for (int i = 0; i <= HandleTable<Item>.ReuseDelay; i++)
        {
            table.TryAdd(new Item(), out Handle h);
            freed.Add(h);
        }
        foreach (Handle h in freed)
            table.TryRemove(h, out _);

        // More than ReuseDelay slots are waiting, so the next add reuses the oldest one.
        table.TryAdd(new Item(), out Handle next);
        Assert.That(next.Index, Is.EqualTo(freed[0].Index));
        table.TryAdd(new Item(), out Handle fresh);
        Assert.That(fresh.Index, Is.EqualTo((uint)freed.Count), "with ReuseDelay slots waiting, a fresh slot is used");
    }

    [Test]
    public void SlotWithExhaustedGeneration_IsRetired()
    {
        var table = new HandleTable<Item>(HandleType.Context, 1, maxGeneration: 3);
        var issued = new List<Handle>();
        for (int i = 0; i < 3; i++)
        {
            Assert.That(table.TryAdd(new Item(), out Handle h), Is.True);
            issued.Add(h);
            table.TryRemove(h, out _);
        }
        Assert.That(issued.Select(h => h.Generation), Is.EqualTo(new uint[] { 1, 2, 3 }));
        Assert.That(table.TryAdd(new Item(), out _), Is.False, "the only slot is retired, never reused with a wrapped generation");
        Assert.That(issued.Select(h => table.TryGet(h, out _)), Is.All.EqualTo(HandleError.Stale));
    }

    [Test]
    public void Snapshot_ListsLiveObjects()
    {
        var table = new HandleTable<Item>(HandleType.Context, 16);
        var a = new Item();
        var b = new Item();
        table.TryAdd(a, out Handle ha);
        table.TryAdd(b, out Handle hb);
        table.TryRemove(ha, out _);
        var live = table.Snapshot();
        Assert.That(live, Has.Count.EqualTo(1));
        Assert.That(live[0].Handle, Is.EqualTo(hb));
        Assert.That(live[0].Item, Is.SameAs(b));
    }

    [Test]
    public void ConcurrentLookups_NeverReturnAnotherObject()
    {
        // Small capacity so slots are reused constantly while readers resolve stale handles.
        var table = new HandleTable<Item>(HandleType.Context, 8);
        var published = new ulong[8]; // handle values, read and written atomically
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        long lookups = 0, wrong = 0, churn = 0;

        Task writer = Task.Run(() =>
        {
            var random = new Random(1);
            while (!stop.IsCancellationRequested)
            {
                int i = random.Next(published.Length);
                var old = new Handle(Volatile.Read(ref published[i]));
                if (!old.IsNull)
                    table.TryRemove(old, out _);
                var item = new Item();
                if (table.TryAdd(item, out Handle h))
                {
                    Volatile.Write(ref item.HandleValue, h.Value);
                    Volatile.Write(ref published[i], h.Value);
                }
                churn++;
            }
        });
        Task[] readers = Enumerable.Range(0, 2).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed + 10);
            while (!stop.IsCancellationRequested)
            {
                var h = new Handle(Volatile.Read(ref published[random.Next(published.Length)]));
                if (table.TryGet(h, out Item? item) == HandleError.None)
                {
                    // HandleValue may still be 0 if the writer has not stored it yet; only a different handle is wrong.
                    ulong owner = Volatile.Read(ref item!.HandleValue);
                    if (owner != 0 && owner != h.Value)
                        Interlocked.Increment(ref wrong);
                }
                Interlocked.Increment(ref lookups);
            }
        })).ToArray();

        Task.WaitAll([writer, .. readers]);
        TestContext.Out.WriteLine($"{lookups} lookups during {churn} add/remove cycles");
        Assert.That(churn, Is.GreaterThan(1000));
        Assert.That(wrong, Is.Zero, "a lookup returned the object of a different handle");
    }
}
