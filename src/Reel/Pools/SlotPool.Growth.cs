using System;
using System.Diagnostics;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Memory;

namespace Reel.Pools;

// The slow path of acquire: grow below the cap, then apply the exhaustion policy.
public sealed partial class SlotPool
{
    /// <summary>Allocates <see cref="PoolConfig.Initial"/> buffers; on failure frees them again.</summary>
    public ReelResult Preallocate(string function)
    {
        lock (_lock)
        {
            BeginMoves();
            try
            {
                for (uint i = 0; i < Config.Initial; i++)
                {
                    if (!TryAllocateSlot(out int slot))
                    {
                        DrainIdle();
                        return OutOfMemory(function);
                    }
                    EnqueueFree(slot);
                }
            }
            finally
            {
                EndMoves();
            }
        }
        return ReelResult.Success;
    }

    private ReelResult AcquireSlow(string function, out int slot)
    {
        GrowOutcome outcome = TryGrow(out slot);
        ReelResult result = outcome switch
        {
            GrowOutcome.Got => ReelResult.Success,
            GrowOutcome.AtCap when Config.Exhaustion == ExhaustionPolicy.Wait => WaitForSlot(function, out slot),
            GrowOutcome.AtCap or GrowOutcome.AllRetired => Exhausted(function),
            GrowOutcome.OutOfMemory => OutOfMemory(function),
            _ => LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: pool '{Name}' was destroyed"),
        };
        if (result != ReelResult.Success && Category == MemoryCategory.Frame)
            _accounting.CountDroppedFrame();
        return result;
    }

    /// <summary>
    /// One try at a slot without waiting: the ring, growth, the caches at the cap, GROW past it.
    /// Logs the warning of a growth past the cap, and re-evaluates memory pressure after
    /// growth, once no lock is held (only after growth: at HIGH pressure the check trims every pool).
    /// </summary>
    private GrowOutcome TryGrow(out int slot)
    {
        GrowOutcome outcome;
        string? warning;
        int allocatedBefore = Volatile.Read(ref _allocated);
        lock (_lock)
        {
            BeginMoves();
            try
            {
                outcome = TryGrowLocked(out slot, out warning);
            }
            finally
            {
                EndMoves();
            }
        }
        if (warning is not null)
            _log.Write(LogLevel.Warning, warning);
        if (Volatile.Read(ref _allocated) > allocatedBefore)
            Owner.Context.AfterMemoryGrowth();
        return outcome;
    }

    private enum GrowOutcome
    {
        Got,
        AtCap,
        OutOfMemory,
        Destroyed,
        /// <summary>Every slot is retired (its generations used up) and none is left to grow into.</summary>
        AllRetired,
    }

    /// <summary>Under the lock: the ring (a release may have refilled it), growth below the cap, then GROW past it.</summary>
    private GrowOutcome TryGrowLocked(out int slot, out string? warning)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Growth happens under the pool lock.");
        warning = null;
        slot = -1;
        if (_destroyed)
            return GrowOutcome.Destroyed;
        if (_ring.TryDequeue(out slot))
            return GrowOutcome.Got;

        int allocated = _allocated;
        if (allocated < Config.Max && _unallocated.Count > 0)
        {
            int count = Math.Min(GrowthCount(allocated), (int)Config.Max - allocated);
            if (!TryAllocateSlot(out slot))
                return GrowOutcome.OutOfMemory;
            // Extra buffers of a larger growth step go to the ring; a failure there is not the caller's.
            for (int i = 1; i < count && TryAllocateSlot(out int extra); i++)
                EnqueueFree(extra);
            return GrowOutcome.Got;
        }

        // At the cap: buffers threads keep in their caches come back before the exhaustion
        // policy applies. All of them at once: taking one at a time from a live thread only
        // moves its miss to that thread, and two threads then steal from each other forever.
        // Below the cap the pool grows instead: each thread's cache is its working reserve.
        if (TakeBackCachedSlot(out slot))
            return GrowOutcome.Got;

        if (Config.Exhaustion == ExhaustionPolicy.Grow && allocated < Config.GrowLimit && _unallocated.Count > 0)
        {
            if (!TryAllocateSlot(out slot))
                return GrowOutcome.OutOfMemory;
            _growsPastCap++;
            warning = $"pool '{Name}' grew past its cap of {Config.Max} buffers to {_allocated} (grow_limit {Config.GrowLimit}); " +
                      "buffers are not coming back fast enough, or the cap is too small";
            return GrowOutcome.Got;
        }
        return allocated == 0 && _unallocated.Count == 0 ? GrowOutcome.AllRetired : GrowOutcome.AtCap;
    }

    private ReelResult Exhausted(string function)
    {
        string limit = Config.Exhaustion == ExhaustionPolicy.Grow
            ? $"all {Config.GrowLimit} buffers up to grow_limit are in use"
            : $"all {Config.Max} buffers (max) are in use";
        int retired = Volatile.Read(ref _retired);
        if (retired > 0)
            limit += $" or retired ({retired} of {_slots.Length} buffer slots have used up their {_maxGeneration} handle generations; create a new pool)";
        return LastError.Set(ReelResult.ErrorLimitReached,
            $"{function}: pool '{Name}' is exhausted: {limit}; exhaustion policy {Config.Exhaustion.ToString().ToUpperInvariant()}");
    }

    private int GrowthCount(int allocated) => Config.Growth switch
    {
        PoolGrowth.Linear => (int)Config.GrowthStep,
        PoolGrowth.Exponential => Math.Max(1, allocated),
        _ => 1, // Fixed: only trimmed buffers are replaced, one at a time
    };

    /// <summary>WAIT policy: sleep until a release refills the ring, the timeout passes, or the pool is destroyed.</summary>
    private ReelResult WaitForSlot(string function, out int slot)
    {
        long start = Stopwatch.GetTimestamp();
        long deadline = Config.WaitTimeoutMs == PoolConfig.WaitForever
            ? long.MaxValue
            : start + (long)Config.WaitTimeoutMs * Stopwatch.Frequency / 1000;
        // Count ourselves before looking: a release that would keep its buffer in its thread's
        // cache after our look sees a waiter and feeds the ring instead, and pulses (see Return).
        Interlocked.Increment(ref _waiters);
        Interlocked.Increment(ref _waits);
        try
        {
            while (true)
            {
                // The ring, the caches, and growth into a slot a retirement freed. No lock is
                // held here: growth may log and run the host's pressure callback.
                int retiredBefore = Volatile.Read(ref _retired);
                switch (TryGrow(out slot))
                {
                    case GrowOutcome.Got:
                        return ReelResult.Success;
                    case GrowOutcome.OutOfMemory:
                        return OutOfMemory(function);
                    case GrowOutcome.AllRetired:
                        return Exhausted(function);
                    case GrowOutcome.Destroyed:
                        return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: pool '{Name}' was destroyed while waiting");
                }
                long now = Stopwatch.GetTimestamp();
                if (now >= deadline)
                    return ReelResult.Timeout;
                int milliseconds = deadline == long.MaxValue
                    ? Timeout.Infinite
                    : (int)Math.Min(int.MaxValue, Math.Max(1, (deadline - now) * 1000 / Stopwatch.Frequency));
                lock (_waitLock)
                {
                    // Releases, retirements and destroy pulse under this lock, so whatever
                    // happened since the look above is seen here or wakes the wait.
                    if (_ring.Count == 0 && Volatile.Read(ref _retired) == retiredBefore && !_destroyed)
                        Monitor.Wait(_waitLock, milliseconds);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
            Interlocked.Add(ref _waitTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    private void WakeOneWaiter()
    {
        lock (_waitLock)
            Monitor.Pulse(_waitLock);
    }

    /// <summary>Gives an unallocated slot memory; false when the allocator has none.</summary>
    private unsafe bool TryAllocateSlot(out int slot)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Slots get memory under the pool lock.");
        slot = -1;
        if (_unallocated.Count == 0)
            return false;
        void* memory = _allocator.Allocate(BufferSize, Alignment);
        if (memory == null)
            return false;
        slot = _unallocated.Pop();
        _slots[slot].Memory = (nint)memory;
        _allocated++;
        _misses++;
        _accounting.Charge(Category, (long)BufferSize);
        return true;
    }

    private ReelResult OutOfMemory(string function) =>
        LastError.Set(ReelResult.ErrorOutOfMemory,
            $"{function}: pool '{Name}' could not allocate a {BufferSize}-byte buffer ({_allocated} allocated): the allocator returned NULL");
}
