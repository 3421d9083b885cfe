using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Time;

namespace Reel.Pools;

/// <summary>
/// Buffers of one size: slots with refcounts and generations, the lock-free FIFO free ring,
/// growth up to the cap, the exhaustion policy, trimming and teardown. A frame or audio pool
/// has one; a byte pool has one per size class.
/// </summary>
/// <remarks>
/// Hot path (acquire from the ring, retain, release, return to the ring): no locks, no GC
/// allocation. Growth, waiting, trimming and destruction take <see cref="_lock"/> (never held
/// while logging or calling the host). With <see cref="PoolFlags.ThreadCache"/> each thread
/// also keeps a few of its released buffers (SlotPool.ThreadCache.cs).
/// </remarks>
public sealed partial class SlotPool
{
    private const long ReferenceMask = 0xFFFF_FFFF;

    private readonly BufferSlot[] _slots;
    private readonly FreeSlotRing _ring;
    private readonly UnmanagedAllocator _allocator;
    private readonly FrameClock _clock;
    private readonly Logger _log;
    private readonly MemoryAccounting _accounting;
    private readonly bool _zeroOnRelease;
    private readonly bool _useThreadCache;

    /// <summary>Guards growth, trimming, destruction and <see cref="_unallocated"/>.</summary>
    private readonly object _lock = new();

    /// <summary>Waiters of the WAIT policy sleep on this; releases pulse it only when someone waits.</summary>
    private readonly object _waitLock = new();

    /// <summary>Slots without memory (never allocated or trimmed), reused by growth.</summary>
    private readonly Stack<int> _unallocated;

    // Hot-path cost note: acquire and release write no shared counter. In-use is derived
    // (allocated - idle in the ring) and acquires are counted per slot; only the ring's two
    // positions are shared between threads. The fields below change on slow paths only.
    private int _peakInUse;
    private int _allocated;

    /// <summary>Fewest buffers allocated since the last snapshot (the leak detector's per-object floor); under the lock.</summary>
    private int _allocatedFloor;

    /// <summary>
    /// Fewest idle buffers seen right after an acquire in the current trim period: that many
    /// were never needed. Written without a lock only when it drops, so it stays off the hot path.
    /// </summary>
    private int _idleLowWater = int.MaxValue;

    /// <summary>Frame and time at which the current trim period started.</summary>
    private long _trimPeriodFrame;
    private long _trimPeriodNs;
    private int _waiters;
    private long _misses;
    private long _waits;
    private long _waitTicks;
    private long _growsPastCap;
    private long _trimmed;
    private volatile bool _destroyed;
    private int _finalized;

    /// <summary>
    /// Creates an empty pool of <paramref name="bufferSize"/>-byte buffers charged to
    /// <paramref name="category"/> of <paramref name="context"/>'s accounting; call
    /// <see cref="Preallocate"/> next.
    /// </summary>
    public SlotPool(ReelContext context, string name, nuint bufferSize, nuint alignment, PoolConfig config, MemoryCategory category)
    {
        Name = name;
        BufferSize = bufferSize;
        Alignment = alignment;
        Config = config;
        Category = category;
        _allocator = context.Allocator;
        _clock = context.Clock;
        _log = context.Log;
        _accounting = context.Memory;
        _zeroOnRelease = (config.Flags & PoolFlags.ZeroOnRelease) != 0;
        _useThreadCache = (config.Flags & PoolFlags.ThreadCache) != 0;
        _trimPeriodFrame = context.Clock.Frame;
        _trimPeriodNs = context.Clock.TimeNs;
        _slots = new BufferSlot[config.GrowLimit];
        // Twice the slots, so the ring is never near full and Enqueue practically never spins.
        _ring = new FreeSlotRing((int)config.GrowLimit * 2);
        _unallocated = new Stack<int>((int)config.GrowLimit);

        // Start generations at a per-pool random value: a stale handle of a destroyed pool
        // whose registry index is reused then meets a different generation.
        long firstGeneration = System.Random.Shared.Next(1, (int)Handle.MaxGeneration + 1);
        for (int i = _slots.Length - 1; i >= 0; i--)
        {
            _slots[i].State = firstGeneration << 32;
            _unallocated.Push(i);
        }
    }

    /// <summary>Label used in messages: the pool name, with the size class for byte pools.</summary>
    public string Name { get; }

    /// <summary>Bytes of each buffer.</summary>
    public nuint BufferSize { get; }

    /// <summary>Alignment of each buffer's memory.</summary>
    public nuint Alignment { get; }

    /// <summary>Sizing and policy.</summary>
    public PoolConfig Config { get; }

    /// <summary>The accounting category of the buffers.</summary>
    public MemoryCategory Category { get; }

    /// <summary>Index in <see cref="PoolRegistry"/>; part of every buffer handle.</summary>
    public uint RegistryIndex { get; internal set; }

    /// <summary>The registry's own handle of this slot pool (never given to hosts).</summary>
    internal Handle RegistryHandle { get; set; }

    /// <summary>The public pool this slot pool belongs to.</summary>
    public Pool Owner { get; internal set; } = null!;

    /// <summary>Whether the owning pool was destroyed (buffers may still be out).</summary>
    public bool IsDestroyed => _destroyed;

    /// <summary>Hands out a buffer with one reference; the slow path grows, waits or fails per policy.</summary>
    public ReelResult Acquire(nuint size, string function, out Handle buffer)
    {
        if (_useThreadCache && TryTakeFromLocalCache(out int cached))
        {
            buffer = Take(cached, size, observe: false);
            return ReelResult.Success;
        }
        if (!_ring.TryDequeue(out int slot))
        {
            ReelResult result = AcquireSlow(function, out slot);
            if (result != ReelResult.Success)
            {
                buffer = Handle.Null;
                return result;
            }
        }
        buffer = Take(slot, size, observe: true);
        return ReelResult.Success;
    }

    /// <summary>Adds a reference to a live buffer; false if the handle is stale.</summary>
    public bool Retain(int slot, uint generation)
    {
        ref BufferSlot s = ref _slots[slot];
        while (true)
        {
            long state = Volatile.Read(ref s.State);
            if (!IsLive(state, generation))
                return false;
            if (Interlocked.CompareExchange(ref s.State, state + 1, state) == state)
                return true;
        }
    }

    /// <summary>Drops a reference; the last one returns the buffer. False if the handle is stale (double release).</summary>
    public bool Release(int slot, uint generation)
    {
        ref BufferSlot s = ref _slots[slot];
        while (true)
        {
            long state = Volatile.Read(ref s.State);
            if (!IsLive(state, generation))
                return false;
            bool last = (state & ReferenceMask) == 1;
            // The last release also moves the generation on, in the same CAS.
            long next = last ? (long)NextGeneration(generation) << 32 : state - 1;
            if (Interlocked.CompareExchange(ref s.State, next, state) == state)
            {
                if (last)
                    Return(slot);
                return true;
            }
        }
    }

    /// <summary>Whether the handle's generation is the slot's and the buffer is out.</summary>
    public bool IsLive(int slot, uint generation) =>
        (uint)slot < (uint)_slots.Length && IsLive(Volatile.Read(ref _slots[slot].State), generation);

    /// <summary>The slot of a live buffer, for reading and writing its memory and metadata.</summary>
    internal ref BufferSlot SlotRef(int slot) => ref _slots[slot];

    /// <summary>Number of slots (the grow limit).</summary>
    public int SlotCount => _slots.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLive(long state, uint generation) =>
        (uint)(state >> 32) == generation && (state & ReferenceMask) != 0;

    private static uint NextGeneration(uint generation) => generation == Handle.MaxGeneration ? 1 : generation + 1;

    /// <summary>
    /// Hands out a slot. <paramref name="observe"/> updates the peak and the idle low-water
    /// mark; a hit in the thread's own cache skips that, since counting idle buffers would
    /// read other threads' cache lines.
    /// </summary>
    private Handle Take(int slot, nuint size, bool observe)
    {
        ref BufferSlot s = ref _slots[slot];
        long state = Volatile.Read(ref s.State);
        Debug.Assert((state & ReferenceMask) == 0, "A slot in the free ring has no references.");
        Debug.Assert(s.Memory != 0, "A slot in the free ring has memory.");
        s.Pts = 0;
        s.Tag = 0;
        s.Size = size;
        s.Dts = 0;
        s.Flags = 0;
        s.Acquires++;
        s.AcquiredAtFrame = _clock.Frame;
        Volatile.Write(ref s.State, state | 1);
        if (observe)
        {
            int idle = _ring.Count;
            if (idle < Volatile.Read(ref _idleLowWater))
                Volatile.Write(ref _idleLowWater, idle);
            int inUse = Volatile.Read(ref _allocated) - idle - (_useThreadCache ? CachedCount() : 0);
            if (inUse > Volatile.Read(ref _peakInUse))
                RaisePeak(inUse);
        }
        return BufferHandles.Make(RegistryIndex, slot, (uint)(state >> 32));
    }

    private void RaisePeak(int inUse)
    {
        int peak = Volatile.Read(ref _peakInUse);
        while (inUse > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakInUse, inUse, peak);
            if (seen == peak)
                return;
            peak = seen;
        }
    }

    /// <summary>Puts a buffer whose last reference was released back in the ring (or frees it after destroy).</summary>
    private unsafe void Return(int slot)
    {
        ref BufferSlot s = ref _slots[slot];
        if (_zeroOnRelease)
            System.Runtime.InteropServices.NativeMemory.Clear((void*)s.Memory, BufferSize);
        if (_destroyed)
        {
            FreeReturnedSlot(slot);
            return;
        }
        if (!_useThreadCache || !TryReturnToLocalCache(slot))
            EnqueueFree(slot);
        if (Volatile.Read(ref _waiters) > 0)
            WakeOneWaiter();
        if (_destroyed)
            AfterReturnToDestroyedPool();
    }

    private void EnqueueFree(int slot) => _ring.Enqueue(slot);
}
