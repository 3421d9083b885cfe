using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Context;
using Reel.Logging;
using Reel.Memory;
using Reel.Time;

namespace Reel.Pools;

/// <summary>
/// Buffers of one size: slots with refcounts and generations, per-thread caches in front of a
/// lock-free shared ring, growth up to the cap, the exhaustion policy, trimming and teardown.
/// A frame or audio pool has one; a byte pool has one per size class.
/// </summary>
/// <remarks>
/// Hot path: a thread that releases a buffer it acquired keeps it in its own cache
/// (SlotPool.ThreadCache.cs) and its next acquire takes it back, most recent first, touching
/// no cache line another thread writes; the only atomic instruction of an acquire + release
/// pair is the release's CAS on the slot state. Buffers released by another thread than
/// their acquirer (a pipeline hand-off) and buffers that do not fit the cache go through the
/// shared Vyukov ring. Reuse order is therefore not FIFO: a buffer a GPU or encoder may still
/// read is protected by keeping a reference until it is done (reel_buffer_release_after,
/// reel_buffer_release_deferred), not by its place in a queue. Growth, waiting, trimming and
/// destruction take <see cref="_lock"/> (never held while logging or calling the host).
/// </remarks>
public sealed partial class SlotPool
{
    private readonly BufferSlot[] _slots;
    private readonly FreeSlotRing _ring;
    private readonly UnmanagedAllocator _allocator;
    private readonly FrameClock _clock;
    private readonly Logger _log;
    private readonly MemoryAccounting _accounting;
    private readonly bool _zeroOnRelease;

    /// <summary>ZERO_ON_RELEASE, or the pool was destroyed: releases leave the fast path (one test instead of two).</summary>
    private volatile bool _returnsRarely;

    /// <summary>Guards growth, trimming, destruction, cache take-back and <see cref="_unallocated"/>.</summary>
    private readonly object _lock = new();

    /// <summary>Waiters of the WAIT policy sleep on this; releases pulse it only when someone waits.</summary>
    private readonly object _waitLock = new();

    /// <summary>Slots without memory (never allocated or trimmed), reused by growth; retired slots never come back.</summary>
    private readonly Stack<int> _unallocated;

    // Hot-path cost note: acquire and release write no shared counter. In-use is derived
    // (allocated - idle) and acquires are counted per slot; the peak and the idle low-water
    // mark are derived on acquire from values no other thread writes in the steady state
    // (SlotPool.Watermarks.cs). The fields below change on slow paths only.
    private int _peakInUse;
    private int _allocated;

    /// <summary>Fewest buffers allocated since the last snapshot (the leak detector's per-object floor); under the lock.</summary>
    private int _allocatedFloor;

    /// <summary>
    /// Fewest idle buffers seen right after an acquire in the current trim period: that many
    /// were never needed. Written only when it drops, so it stays off the hot path.
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
    /// <paramref name="category"/> of <paramref name="context"/>'s accounting; registering it
    /// starts its generations (<see cref="StartGenerations"/>), then call <see cref="Preallocate"/>.
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
        _returnsRarely = _zeroOnRelease;
        _trimPeriodFrame = context.Clock.Frame;
        _trimPeriodNs = context.Clock.TimeNs;
        _slots = new BufferSlot[config.GrowLimit];
        // Twice the slots, so the ring is never near full and Enqueue practically never spins.
        _ring = new FreeSlotRing((int)config.GrowLimit * 2);
        _unallocated = new Stack<int>((int)config.GrowLimit);
        (_slotBits, _slotMask, _maxGeneration) = GenerationLayout(config.GrowLimit);
        for (int i = _slots.Length - 1; i >= 0; i--)
            _unallocated.Push(i);
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
    public uint RegistryIndex
    {
        get => _registryIndex;
        internal set
        {
            _registryIndex = value;
            _handleBase = BufferHandles.HandleBase(value);
        }
    }

    private uint _registryIndex;

    /// <summary>The bits all handles of this slot pool share (type tag and registry index).</summary>
    private ulong _handleBase;

    /// <summary>The registry's own handle of this slot pool (never given to hosts).</summary>
    internal Handles.Handle RegistryHandle { get; set; }

    /// <summary>The public pool this slot pool belongs to.</summary>
    public Pool Owner { get; internal set; } = null!;

    /// <summary>Whether the owning pool was destroyed (buffers may still be out).</summary>
    public bool IsDestroyed => _destroyed;

    /// <summary>Hands out a buffer with one reference; the slow path grows, waits or fails per policy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReelResult Acquire(nuint size, string function, out Handles.Handle buffer)
    {
        PoolThread thread = PoolThread.Current;
        ThreadSlotCache cache = LocalCache(thread);
        // The owner's half of the handshake with threads that take cached buffers back
        // (ThreadSlotCache): Busy first, then Flags.
        Volatile.Write(ref cache.Busy, 1);
        if (Volatile.Read(ref cache.Flags) == 0)
        {
            int count = cache.Count;
            if (count > 0)
            {
                int slot = cache.Slots[--count];
                cache.Count = count;
                Volatile.Write(ref cache.Busy, 0);
                buffer = Take(slot, size, thread.Id);
                ObserveLocalTake(cache, count);
                return ReelResult.Success;
            }
        }
        Volatile.Write(ref cache.Busy, 0);
        return AcquireShared(size, function, thread, cache, out buffer);
    }

    /// <summary>The cache was empty or flagged: the shared ring, then growth and the exhaustion policy.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReelResult AcquireShared(nuint size, string function, PoolThread thread, ThreadSlotCache cache, out Handles.Handle buffer)
    {
        ReviveLocalCache(thread, cache);
        if (!_ring.TryDequeue(out int slot))
        {
            ReelResult result = AcquireSlow(function, out slot);
            if (result != ReelResult.Success)
            {
                buffer = Handles.Handle.Null;
                return result;
            }
        }
        buffer = Take(slot, size, thread.Id);
        ObserveExactly();
        return ReelResult.Success;
    }

    /// <summary>Adds a reference to a live buffer: Success, ErrorInvalidHandle (stale tag) or ErrorLimitReached (too many references).</summary>
    public ReelResult Retain(ulong tag)
    {
        if (!TryLocate(tag, out int slot, out ulong generation))
            return ReelResult.ErrorInvalidHandle;
        ref BufferSlot s = ref SlotAt(slot);
        ulong state = Volatile.Read(ref s.State);
        while (true)
        {
            if (!IsLive(state, generation))
                return ReelResult.ErrorInvalidHandle;
            if ((state & BufferSlot.ReferenceMask) == BufferSlot.ReferenceMask)
                return ReelResult.ErrorLimitReached;
            ulong seen = Interlocked.CompareExchange(ref s.State, state + 1, state);
            if (seen == state)
                return ReelResult.Success;
            state = seen;
        }
    }

    /// <summary>Drops a reference; the last one returns the buffer. False if the tag is stale (double release) or forged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Release(ulong tag)
    {
        if (!TryLocate(tag, out int slot, out ulong generation))
            return false;
        ref BufferSlot s = ref SlotAt(slot);
        ulong state = Volatile.Read(ref s.State);
        while (true)
        {
            if (!IsLive(state, generation))
                return false;
            bool last = (state & BufferSlot.ReferenceMask) == 1;
            // The last release also moves the generation on, in the same CAS; a slot whose
            // generations are used up keeps its last one, with no reference, and is retired.
            ulong next = last ? NextIdleState(generation) : state - 1;
            ulong seen = Interlocked.CompareExchange(ref s.State, next, state);
            if (seen == state)
            {
                if (last)
                    Return(ref s, slot, generation);
                return true;
            }
            state = seen;
        }
    }

    /// <summary>The slot of a live buffer, or -1 if the tag is stale or forged.</summary>
    public int LiveSlot(ulong tag) =>
        TryLocate(tag, out int slot, out ulong generation) && IsLive(Volatile.Read(ref _slots[slot].State), generation) ? slot : -1;

    /// <summary>The slot of a live buffer, for reading and writing its memory and metadata.</summary>
    internal ref BufferSlot SlotRef(int slot) => ref _slots[slot];

    /// <summary>A slot whose index is known to be in range (from a located tag, a cache or the ring): no bounds check on the hot path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref BufferSlot SlotAt(int slot)
    {
        Debug.Assert((uint)slot < (uint)_slots.Length, "A slot index from a tag, a cache or the ring is in range.");
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)(uint)slot);
    }

    /// <summary>Number of slots (the grow limit).</summary>
    public int SlotCount => _slots.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLive(ulong state, ulong generation) =>
        (state >> BufferSlot.ReferenceBits) == generation && (state & BufferSlot.ReferenceMask) != 0;

    /// <summary>Hands out an idle slot: resets its metadata and gives it one reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Handles.Handle Take(int slot, nuint size, int threadId)
    {
        ref BufferSlot s = ref SlotAt(slot);
        ulong state = Volatile.Read(ref s.State);
        Debug.Assert((state & BufferSlot.ReferenceMask) == 0, "An idle slot has no references.");
        Debug.Assert(s.Memory != 0, "An idle slot has memory.");
        s.Pts = 0;
        s.Tag = 0;
        s.Dts = 0;
        s.Flags = 0;
        s.Size = size;
        s.Acquires++;
        s.AcquiredAtFrame = _clock.Frame;
        s.AcquiredBy = threadId;
        Volatile.Write(ref s.State, state | 1);
        return BufferHandles.Make(_handleBase, TagOf(slot, state >> BufferSlot.ReferenceBits));
    }

    /// <summary>
    /// A buffer's last reference was released: retire its slot if its generations are used
    /// up, free it if the pool was destroyed, keep it in this thread's cache if this thread
    /// acquired it, else put it in the shared ring.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Return(ref BufferSlot s, int slot, ulong generation)
    {
        if (generation == _maxGeneration || _returnsRarely)
        {
            ReturnRarely(slot, generation);
            return;
        }
        PoolThread thread = PoolThread.Current;
        if (s.AcquiredBy == thread.Id && TryKeepLocally(thread, slot))
            return;
        ReturnShared(slot);
    }

    /// <summary>Return of a slot to retire, to zero, or of a destroyed pool.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReturnRarely(int slot, ulong generation)
    {
        if (generation == _maxGeneration)
        {
            RetireSlot(slot);
            return;
        }
        if (_zeroOnRelease)
            ZeroMemory(slot);
        if (_destroyed)
        {
            FreeReturnedSlot(slot);
            return;
        }
        PoolThread thread = PoolThread.Current;
        if (SlotAt(slot).AcquiredBy == thread.Id && TryKeepLocally(thread, slot))
            return;
        ReturnShared(slot);
    }

    /// <summary>Puts a returned slot in the shared ring, wakes a waiter, and catches a racing destroy.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReturnShared(int slot)
    {
        _ring.Enqueue(slot);
        if (Volatile.Read(ref _waiters) > 0)
            WakeOneWaiter();
        if (_destroyed)
            AfterReturnToDestroyedPool();
    }

    private unsafe void ZeroMemory(int slot) =>
        System.Runtime.InteropServices.NativeMemory.Clear((void*)_slots[slot].Memory, BufferSize);

    private void EnqueueFree(int slot) => _ring.Enqueue(slot);
}
