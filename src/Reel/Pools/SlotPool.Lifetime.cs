using System;
using System.Diagnostics;
using System.Threading;

namespace Reel.Pools;

// Trimming, destruction while buffers are out, and statistics.
public sealed partial class SlotPool
{
    /// <summary>
    /// Frees idle buffers, oldest released first, until at most <paramref name="keepIdle"/>
    /// remain, stopping at the first buffer released after frame <paramref name="releasedBefore"/>
    /// (pass long.MaxValue to ignore age). Returns the number freed.
    /// </summary>
    public int Trim(uint keepIdle, long releasedBefore = long.MaxValue)
    {
        int freed = 0;
        lock (_lock)
        {
            while (_ring.Count > keepIdle && _ring.TryPeek(out int oldest))
            {
                // The ring is in release order, so when the oldest idle buffer is young enough, all are.
                if (_slots[oldest].ReleasedAtFrame >= releasedBefore || !_ring.TryDequeue(out int slot))
                    break;
                if (slot != oldest && _slots[slot].ReleasedAtFrame >= releasedBefore)
                {
                    // An acquire took the peeked buffer first and this one is young: give it back
                    // (at the tail, which only makes it look younger) and stop. Rare.
                    EnqueueFree(slot);
                    break;
                }
                FreeSlotMemory(slot);
                freed++;
            }
            _trimmed += freed;
        }
        return freed;
    }

    /// <summary>Frame clock tick: frees buffers idle longer than <see cref="PoolConfig.TrimIdleFrames"/>.</summary>
    public int TrimByAge(long frame)
    {
        if (Config.TrimIdleFrames == 0 || _ring.Count == 0)
            return 0;
        return Trim(0, frame - Config.TrimIdleFrames + 1);
    }

    /// <summary>
    /// Destroys the pool: idle buffers are freed now, buffers still out as they come back;
    /// waiters wake and fail. When no buffer is out the pool leaves the registry.
    /// </summary>
    public void Destroy()
    {
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            DrainIdle();
        }
        lock (_waitLock)
            Monitor.PulseAll(_waitLock);
        FinalizeIfEmpty();
    }

    /// <summary>Buffers out: allocated minus idle (exact at rest).</summary>
    public int InUse => Math.Max(0, Volatile.Read(ref _allocated) - _ring.Count);

    /// <summary>A snapshot of the counters.</summary>
    public PoolStats GetStats()
    {
        var stats = new PoolStats();
        lock (_lock)
        {
            // Under the lock allocation and trimming stand still, so Allocated and Available
            // are consistent with each other; acquires and releases may still run.
            stats.Allocated = (uint)_allocated;
            stats.Available = (uint)_ring.Count;
            stats.Misses = (ulong)_misses;
            stats.GrowsPastCap = (ulong)_growsPastCap;
            stats.Trims = (ulong)_trimmed;
        }
        ulong acquires = 0;
        for (int i = 0; i < _slots.Length; i++)
            acquires += (ulong)Volatile.Read(ref _slots[i].Acquires);
        stats.Capacity = Config.Max;
        stats.InUse = stats.Allocated - stats.Available;
        stats.PeakInUse = Math.Max((uint)Volatile.Read(ref _peakInUse), stats.InUse);
        stats.Acquires = acquires;
        stats.Releases = acquires - stats.InUse;
        stats.Waits = (ulong)Volatile.Read(ref _waits);
        stats.WaitNanoseconds = (ulong)(Volatile.Read(ref _waitTicks) * 1_000_000_000.0 / Stopwatch.Frequency);
        stats.BytesHeld = stats.Allocated * (ulong)BufferSize;
        return stats;
    }

    /// <summary>Frees every idle buffer (destroy); under the lock.</summary>
    private void DrainIdle()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Draining happens under the pool lock.");
        while (_ring.TryDequeue(out int slot))
            FreeSlotMemory(slot);
    }

    private void FreeReturnedSlot(int slot)
    {
        lock (_lock)
            FreeSlotMemory(slot);
        FinalizeIfEmpty();
    }

    /// <summary>After a buffer came back to a destroyed pool: catch a racing enqueue, finalize when empty.</summary>
    private void AfterReturnToDestroyedPool()
    {
        // A release that saw the pool alive may have enqueued after Destroy drained the ring.
        lock (_lock)
            DrainIdle();
        FinalizeIfEmpty();
    }

    /// <summary>After destroy, the last freed buffer takes the slot pool out of the registry.</summary>
    private void FinalizeIfEmpty()
    {
        if (Volatile.Read(ref _allocated) == 0 && Interlocked.Exchange(ref _finalized, 1) == 0)
            Owner.OnSlotPoolDrained(this);
    }

    private unsafe void FreeSlotMemory(int slot)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Slots lose memory under the pool lock.");
        ref BufferSlot s = ref _slots[slot];
        _allocator.Free((void*)s.Memory, BufferSize, Alignment);
        s.Memory = 0;
        _unallocated.Push(slot);
        _allocated--;
    }
}
