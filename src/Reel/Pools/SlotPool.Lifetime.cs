using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Reel.Pools;

// Trimming, destruction while buffers are out, and statistics.
public sealed partial class SlotPool
{
    /// <summary>
    /// Frees idle buffers, oldest released first, until at most <paramref name="keepIdle"/>
    /// remain (thread caches are emptied into the shared ring first). Returns the number freed.
    /// </summary>
    public int Trim(uint keepIdle)
    {
        DrainThreadCaches();
        return TrimRing(keepIdle);
    }

    /// <summary>Frees idle buffers of the shared ring only, oldest first, down to <paramref name="keepIdle"/>.</summary>
    private int TrimRing(uint keepIdle)
    {
        int freed = 0;
        lock (_lock)
        {
            BeginMoves();
            while (_ring.Count > keepIdle && _ring.TryDequeue(out int slot))
            {
                FreeSlotMemory(slot);
                freed++;
            }
            _trimmed += freed;
            EndMoves();
        }
        return freed;
    }

    /// <summary>
    /// Frame clock tick. Once per trim period (<see cref="PoolConfig.TrimIdleFrames"/> frames
    /// or <see cref="PoolConfig.TrimIdleMs"/> ms) frees the buffers the period proved surplus:
    /// as many as the fewest idle buffers seen after any acquire (all idle ones if nothing was
    /// acquired). The low-water mark sees the surplus whatever order buffers are reused in.
    /// </summary>
    public int TrimByAge(long frame, long nowNs)
    {
        bool byFrames = Config.TrimIdleFrames != 0 && frame - _trimPeriodFrame >= Config.TrimIdleFrames;
        bool byTime = Config.TrimIdleMs != 0 && nowNs - _trimPeriodNs >= (long)Config.TrimIdleMs * 1_000_000;
        if (!byFrames && !byTime)
            return 0;
        _trimPeriodFrame = frame;
        _trimPeriodNs = nowNs;
        // Cached buffers of threads that stopped using the pool (or ended) would never come
        // back: once a period every cache goes back to the ring; live threads refill theirs.
        DrainThreadCaches();
        int idle = _ring.Count;
        int surplus = Math.Min(Interlocked.Exchange(ref _idleLowWater, int.MaxValue), idle);
        return surplus <= 0 ? 0 : TrimRing((uint)(idle - surplus));
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
            _returnsRarely = true;
            DrainIdle();
        }
        lock (_waitLock)
            Monitor.PulseAll(_waitLock);
        FinalizeIfEmpty();
    }

    /// <summary>Buffers out: allocated minus idle (exact at rest).</summary>
    public int InUse => Math.Max(0, Volatile.Read(ref _allocated) - IdleCount);

    /// <summary>Idle buffers: the shared ring plus thread caches.</summary>
    private int IdleCount => _ring.Count + CachedCount();

    /// <summary>Fewest bytes held since the previous call; restarts the floor at the current value.</summary>
    public ulong TakeBytesFloor()
    {
        lock (_lock)
        {
            int floor = Math.Min(_allocatedFloor, _allocated);
            _allocatedFloor = _allocated;
            return (ulong)floor * BufferSize;
        }
    }

    /// <summary>
    /// The oldest buffers out (by acquire frame), up to <paramref name="count"/>, with their tags,
    /// acquire frames and pts: what leak alerts and outstanding reports show. Reads slots
    /// without stopping other threads, so a buffer may come back while it is listed.
    /// </summary>
    public List<(int Slot, ulong Handle, ulong Tag, long AcquiredAtFrame, long Pts, nuint Size)> Outstanding(int count = int.MaxValue)
    {
        var found = new List<(int, ulong, ulong, long, long, nuint)>();
        for (int i = 0; i < _slots.Length; i++)
        {
            ref BufferSlot s = ref _slots[i];
            ulong state = Volatile.Read(ref s.State);
            if ((state & BufferSlot.ReferenceMask) == 0)
                continue;
            ulong handle = BufferHandles.Make(RegistryIndex, TagOf(i, state >> BufferSlot.ReferenceBits)).Value;
            found.Add((i, handle, s.Tag, s.AcquiredAtFrame, s.Pts, s.Size));
        }
        found.Sort((a, b) => a.Item4.CompareTo(b.Item4));
        if (found.Count > count)
            found.RemoveRange(count, found.Count - count);
        return found;
    }

    /// <summary>Bytes of memory held (idle and out); a lock-free read.</summary>
    public ulong GetAllocatedBytes() => (ulong)Volatile.Read(ref _allocated) * BufferSize;

    /// <summary>A snapshot of the counters.</summary>
    public PoolStats GetStats()
    {
        var stats = new PoolStats();
        lock (_lock)
        {
            // Under the lock allocation and trimming stand still, so Allocated and Available
            // are consistent with each other; acquires and releases may still run.
            stats.Allocated = (uint)_allocated;
            stats.Available = (uint)IdleCount;
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
        BeginMoves();
        DrainThreadCaches(detachAll: _destroyed);
        while (_ring.TryDequeue(out int slot))
            FreeSlotMemory(slot);
        EndMoves();
    }

    private void FreeReturnedSlot(int slot)
    {
        lock (_lock)
        {
            BeginMoves();
            FreeSlotMemory(slot);
            EndMoves();
        }
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

    /// <summary>Frees a slot's memory; the slot can get memory again, unless <paramref name="retire"/> (its generations are used up).</summary>
    private unsafe void FreeSlotMemory(int slot, bool retire = false)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Slots lose memory under the pool lock.");
        ref BufferSlot s = ref _slots[slot];
        _allocator.Free((void*)s.Memory, BufferSize, Alignment);
        s.Memory = 0;
        if (!retire)
            _unallocated.Push(slot);
        _allocated--;
        if (_allocated < _allocatedFloor)
            _allocatedFloor = _allocated;
        _accounting.Discharge(Category, (long)BufferSize);
    }
}
