using System.Collections.Generic;
using Reel.Handles;
using Reel.Pools;
using Reel.Sync;

namespace Reel.Lifetime;

/// <summary>
/// Releases that must wait: a buffer the GPU may still read for N more frames, a buffer or
/// resource until a timeline value (CPU, or a backend's GPU timeline) completes. The frame clock drains what is due; context destroy
/// flushes everything (forced).
/// </summary>
public sealed class DeferredQueue
{
    private readonly object _lock = new();
    private readonly List<Item> _items = new();

    /// <summary>Due items taken out under the lock and released after it; reused between ticks.</summary>
    private readonly List<Item> _due = new();

    /// <summary>1 while a thread drains; a second drainer skips (what is due waits one tick) instead of blocking.</summary>
    private int _draining;

    /// <summary>Items waiting.</summary>
    public int Pending => System.Threading.Volatile.Read(ref _count);

    /// <summary>Releases one reference of <paramref name="buffer"/> once the frame clock reaches <paramref name="frame"/>.</summary>
    public void ReleaseAtFrame(Handle buffer, long frame) => Add(new Item(frame, null, 0, buffer, null));

    /// <summary>Releases <paramref name="resource"/> once <paramref name="timeline"/> (CPU or GPU) reaches <paramref name="value"/>.</summary>
    public void ReleaseAtTimeline(IDeferredRelease resource, ITimeline timeline, ulong value) =>
        Add(new Item(long.MaxValue, timeline, value, Handle.Null, resource));

    /// <summary>Releases one reference of <paramref name="buffer"/> once <paramref name="timeline"/> reaches <paramref name="value"/>.</summary>
    public void ReleaseAtTimeline(Handle buffer, ITimeline timeline, ulong value) =>
        Add(new Item(long.MaxValue, timeline, value, buffer, null));

    /// <summary>Releases everything due at <paramref name="frame"/>; returns how many.</summary>
    public int Process(long frame) => Drain(frame, force: false);

    /// <summary>Releases everything now, due or not (context destroy); returns how many.</summary>
    public int Flush() => Drain(long.MaxValue, force: true);

    private void Add(Item item)
    {
        lock (_lock)
        {
            _items.Add(item);
            System.Threading.Volatile.Write(ref _count, _items.Count);
        }
    }

    /// <summary>Items added and not yet drained; lets the per-frame drain skip the lock when idle.</summary>
    private int _count;

    private int Drain(long frame, bool force)
    {
        if (System.Threading.Volatile.Read(ref _count) == 0)
            return 0;
        if (System.Threading.Interlocked.Exchange(ref _draining, 1) == 1)
            return 0;
        try
        {
            return DrainExclusive(frame, force);
        }
        finally
        {
            System.Threading.Volatile.Write(ref _draining, 0);
        }
    }

    private int DrainExclusive(long frame, bool force)
    {
        lock (_lock)
        {
            if (_items.Count == 0)
                return 0;
            _due.Clear();
            int kept = 0;
            // Compact in place by index: the list's enumerator refuses writes.
            for (int i = 0; i < _items.Count; i++)
            {
                Item item = _items[i];
                bool due = force || (item.Timeline is { } timeline ? timeline.HasReached(item.Value) : item.Frame <= frame);
                if (due)
                    _due.Add(item);
                else
                    _items[kept++] = item;
            }
            _items.RemoveRange(kept, _items.Count - kept);
            System.Threading.Volatile.Write(ref _count, _items.Count);
        }
        // Release outside the lock: a release may return a buffer, wake a waiter, log.
        foreach (Item item in _due)
        {
            if (item.Resource is { } resource)
                resource.Release();
            else
                Buffers.Release(item.Buffer, "deferred release");
        }
        int released = _due.Count;
        _due.Clear();
        return released;
    }

    private readonly record struct Item(long Frame, ITimeline? Timeline, ulong Value, Handle Buffer, IDeferredRelease? Resource);
}
