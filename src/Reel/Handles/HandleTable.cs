using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Reel.Handles;

/// <summary>
/// Maps handles of one type to objects. Lookups are lock-free and allocation-free (they run
/// on hot paths such as buffer release); adding and removing take a lock.
/// </summary>
/// <remarks>
/// Slots live in fixed pages that are allocated on demand and never move, so a lookup can
/// race with growth safely. Each slot has a state word, generation &lt;&lt; 1 | alive. A
/// lookup reads the state, the object, then the state again: if the slot was freed (and
/// perhaps reused) in between, the two reads differ and the lookup fails instead of handing
/// out the new occupant. Freed indices wait in a FIFO queue, and are reused only once
/// <see cref="ReuseDelay"/> of them are waiting, so a stale handle meets a changed
/// generation long before its slot is reused; a slot whose generation is exhausted is
/// retired for good.
/// </remarks>
public sealed class HandleTable<T> where T : class
{
    /// <summary>Freed slots are reused only when more than this many are waiting.</summary>
    public const int ReuseDelay = 64;

    private const int PageShift = 8;
    private const int PageSize = 1 << PageShift;
    private const uint PageMask = PageSize - 1;

    private readonly HandleType _type;
    private readonly uint _capacity;

    /// <summary>Last generation a slot may carry before it is retired (Handle.MaxGeneration outside tests).</summary>
    private readonly uint _maxGeneration;

    /// <summary>Pages of slots, created under the lock and published with a release write.</summary>
    private readonly Page?[] _pages;

    /// <summary>Guards adding and removing; never held while calling out.</summary>
    private readonly object _lock = new();

    /// <summary>Freed, unretired indices, oldest first.</summary>
    private readonly Queue<uint> _freeIndices = new();

    /// <summary>The lowest index never handed out.</summary>
    private uint _nextFreshIndex;

    private int _liveCount;

    /// <summary>Creates a table for handles of <paramref name="type"/> holding at most <paramref name="capacity"/> live objects.</summary>
    public HandleTable(HandleType type, int capacity)
        : this(type, capacity, Handle.MaxGeneration)
    {
    }

    /// <summary>Test seam: a table whose slots retire after <paramref name="maxGeneration"/> generations.</summary>
    internal HandleTable(HandleType type, int capacity, uint maxGeneration)
    {
        Debug.Assert(type != HandleType.None, "A table serves one real handle type.");
        Debug.Assert(capacity > 0, "A table holds at least one object.");
        Debug.Assert(maxGeneration is > 0 and <= Handle.MaxGeneration, "Generations fit in 24 bits.");
        _type = type;
        _capacity = (uint)capacity;
        _maxGeneration = maxGeneration;
        _pages = new Page?[(capacity + PageSize - 1) / PageSize];
    }

    /// <summary>The handle type this table issues.</summary>
    public HandleType Type => _type;

    /// <summary>Most objects alive at once.</summary>
    public int Capacity => (int)_capacity;

    /// <summary>Objects alive now.</summary>
    public int LiveCount => Volatile.Read(ref _liveCount);

    /// <summary>Adds <paramref name="item"/> and issues its handle; false when the table is full.</summary>
    public bool TryAdd(T item, out Handle handle)
    {
        lock (_lock)
        {
            if (!TryTakeIndex(out uint index))
            {
                handle = Handle.Null;
                return false;
            }
            ref Slot slot = ref SlotAt(index);
            uint generation = (uint)(slot.State >> 1);
            if (generation == 0)
                generation = 1;
            // Publish the object before the state that makes it visible to lookups.
            Volatile.Write(ref slot.Item, item);
            Volatile.Write(ref slot.State, ((ulong)generation << 1) | 1);
            _liveCount++;
            handle = new Handle(_type, index, generation);
            return true;
        }
    }

    /// <summary>Resolves a handle without locking; <see cref="HandleError.None"/> on success.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public HandleError TryGet(Handle handle, out T? item)
    {
        item = null;
        HandleError error = Locate(handle, out Page? page);
        if (error != HandleError.None)
            return error;
        ref Slot slot = ref page!.Slots[handle.Index & PageMask];
        ulong state = Volatile.Read(ref slot.State);
        error = Classify(state, handle.Generation);
        if (error != HandleError.None)
            return error;
        T? candidate = Volatile.Read(ref slot.Item);
        // The slot changed between the two reads: it was freed, so the handle is stale.
        if (candidate is null || Volatile.Read(ref slot.State) != state)
            return HandleError.Stale;
        item = candidate;
        return HandleError.None;
    }

    /// <summary>
    /// The live object in slot <paramref name="index"/>, whatever its generation, without
    /// locking. For handles of other objects that point into this table by index (buffer
    /// handles name their pool this way) and check a generation of their own.
    /// </summary>
    public bool TryGetAt(uint index, out T? item)
    {
        item = null;
        if (index >= _capacity)
            return false;
        Page? page = Volatile.Read(ref _pages[index >> PageShift]);
        if (page is null)
            return false;
        ref Slot slot = ref page.Slots[index & PageMask];
        ulong state = Volatile.Read(ref slot.State);
        if ((state & 1) == 0)
            return false;
        T? candidate = Volatile.Read(ref slot.Item);
        if (candidate is null || Volatile.Read(ref slot.State) != state)
            return false;
        item = candidate;
        return true;
    }

    /// <summary>
    /// Removes the object of a live handle; the handle is stale from then on. With
    /// <paramref name="retireIndex"/> the slot is never reused (its owner ran out of something
    /// its handles carry, e.g. buffer generations at a slot-pool index).
    /// </summary>
    public HandleError TryRemove(Handle handle, out T? item, bool retireIndex = false)
    {
        item = null;
        lock (_lock)
        {
            HandleError error = Locate(handle, out Page? page);
            if (error != HandleError.None)
                return error;
            ref Slot slot = ref page!.Slots[handle.Index & PageMask];
            error = Classify(slot.State, handle.Generation);
            if (error != HandleError.None)
                return error;
            item = slot.Item;
            uint next = handle.Generation + 1;
            bool retire = retireIndex || next > _maxGeneration;
            // Kill the state first: a lookup that already read the object sees the change.
            // A retired slot keeps a dead state with a generation beyond every issued one.
            Volatile.Write(ref slot.State, (ulong)next << 1);
            Volatile.Write(ref slot.Item, null);
            if (!retire)
                _freeIndices.Enqueue(handle.Index);
            _liveCount--;
            return HandleError.None;
        }
    }

    /// <summary>The live objects and their handles at one instant, for reports and teardown.</summary>
    public List<(Handle Handle, T Item)> Snapshot()
    {
        var live = new List<(Handle, T)>();
        lock (_lock)
        {
            for (uint index = 0; index < _nextFreshIndex; index++)
            {
                ref Slot slot = ref SlotAt(index);
                if ((slot.State & 1) != 0 && slot.Item is { } item)
                    live.Add((new Handle(_type, index, (uint)(slot.State >> 1)), item));
            }
        }
        return live;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private HandleError Locate(Handle handle, out Page? page)
    {
        page = null;
        if (handle.IsNull)
            return HandleError.Null;
        if (handle.Type != _type)
            return HandleError.WrongType;
        uint index = handle.Index;
        if (index >= _capacity || handle.Generation == 0)
            return HandleError.NeverIssued;
        page = Volatile.Read(ref _pages[index >> PageShift]);
        return page is null ? HandleError.NeverIssued : HandleError.None;
    }

    /// <summary>Compares a slot state with the generation a handle carries.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static HandleError Classify(ulong state, uint generation)
    {
        ulong current = state >> 1;
        if (current == generation && (state & 1) != 0)
            return HandleError.None;
        // Older generations were issued and destroyed; newer (or unused) ones never existed.
        return generation < current ? HandleError.Stale : HandleError.NeverIssued;
    }

    private bool TryTakeIndex(out uint index)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "Indices are handed out under the table lock.");
        if (_freeIndices.Count > ReuseDelay || (_nextFreshIndex == _capacity && _freeIndices.Count > 0))
        {
            index = _freeIndices.Dequeue();
            return true;
        }
        if (_nextFreshIndex < _capacity)
        {
            index = _nextFreshIndex++;
            ref Page? page = ref _pages[index >> PageShift];
            if (page is null)
                Volatile.Write(ref page, new Page());
            return true;
        }
        index = 0;
        return false;
    }

    private ref Slot SlotAt(uint index) => ref _pages[index >> PageShift]!.Slots[index & PageMask];

    private struct Slot
    {
        /// <summary>The object, or null while the slot is free.</summary>
        public T? Item;

        /// <summary>generation &lt;&lt; 1 | alive.</summary>
        public ulong State;
    }

    private sealed class Page
    {
        public readonly Slot[] Slots = new Slot[PageSize];
    }
}
