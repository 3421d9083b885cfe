using System;
using System.Diagnostics;

namespace Reel.Cache;

/// <summary>
/// The frames a <see cref="FrameCache"/> holds: a direct-mapped ring for the window around
/// the playhead, and an O(1) LRU (an index table plus intrusive doubly linked lists over a
/// preallocated node array) for everything else. Steady-state inserts and lookups allocate
/// nothing. Not thread-safe: the cache calls it under its lock.
/// </summary>
/// <remarks>
/// <para>A frame lives in exactly one place. Ring slot = frame number modulo ring size, so a
/// window of ring-size consecutive frames never collides with itself; a frame that lands in an
/// occupied slot pushes the occupant (which is outside the current window) into the LRU, where
/// scrubbing can still find it.</para>
/// <para>The LRU keeps two lists that share its capacity and index: <em>recent</em>, frames
/// handed out before, in recency order; and <em>lookahead</em>, frames decoded ahead that were
/// not handed out yet (the part of a GOP decoded for reverse play that does not fit the ring
/// window, decode by-products while scrubbing), oldest first. A lookahead frame moves to recent
/// when it is handed out; a handed-out LRU frame inside the ring window moves into the ring. The
/// victim is chosen from the two ends that go in O(1), the oldest lookahead frame and the least
/// recently used frame: one the playhead will not reach soon goes first (a stale prediction
/// before a shown frame), else the one it reaches later. So frames about to be shown outlive
/// frames already shown, and in an A–B loop the frames after the wrap count as ahead.</para>
/// </remarks>
internal sealed class FrameStore
{
    /// <summary>Every node the store can use: ring + LRU + 1, allocated once.</summary>
    private readonly CacheNode[] _nodes;

    /// <summary>Node index per ring slot; -1 where empty.</summary>
    private readonly int[] _ring;

    /// <summary>Frame number to node, for LRU nodes only (ring nodes are found by slot).</summary>
    private readonly FrameTable _lruIndex;

    /// <summary>Most frames in the LRU (both lists); 0 = no LRU.</summary>
    private readonly int _lruCapacity;

    /// <summary>LRU frames handed out before; head = most recently used.</summary>
    private NodeList _recent = NodeList.Empty;

    /// <summary>LRU frames not handed out yet; head = newest.</summary>
    private NodeList _lookahead = NodeList.Empty;

    /// <summary>First free node; free nodes are chained through <see cref="CacheNode.Next"/>.</summary>
    private int _freeHead;

    /// <summary>A store with <paramref name="ringSize"/> ring slots and room for <paramref name="lruCapacity"/> LRU frames.</summary>
    public FrameStore(int ringSize, int lruCapacity)
    {
        Debug.Assert(ringSize > 0 && lruCapacity >= 0, "The config was validated.");
        _ring = new int[ringSize];
        _ring.AsSpan().Fill(-1);
        _lruCapacity = lruCapacity;
        _lruIndex = new FrameTable(lruCapacity);
        // One spare: a new ring frame is placed while the occupant it displaces still holds its node.
        _nodes = new CacheNode[ringSize + lruCapacity + 1];
        for (int i = 0; i < _nodes.Length; i++)
            _nodes[i].Next = i + 1 < _nodes.Length ? i + 1 : -1;
        _freeHead = 0;
    }

    /// <summary>Ring slots.</summary>
    public int RingSize => _ring.Length;

    /// <summary>Frames in the ring.</summary>
    public int RingCount { get; private set; }

    /// <summary>Frames in the LRU (both lists).</summary>
    public int LruCount => _lruIndex.Count;

    /// <summary>Bytes of all frames held.</summary>
    public long BytesHeld { get; private set; }

    /// <summary>The node of a frame; <paramref name="node"/> is -1 when the frame is not cached.</summary>
    public bool TryFind(long frameNumber, out int node)
    {
        node = _ring[RingSlot(frameNumber)];
        if (node >= 0 && _nodes[node].FrameNumber == frameNumber)
            return true;
        if (_lruIndex.TryGet(frameNumber, out node))
            return true;
        node = -1;
        return false;
    }

    /// <summary>A node, for reading and for the Used flag.</summary>
    public ref CacheNode Node(int node) => ref _nodes[node];

    /// <summary>
    /// Marks a hand-out: an LRU node becomes the most recently used, or moves into the ring
    /// when it lies inside <paramref name="window"/> (the ring then holds the window again and
    /// the frame it held in that slot, outside the window, goes to the LRU).
    /// </summary>
    public void Touch(int node, in RingWindow window)
    {
        ref CacheNode n = ref _nodes[node];
        if (n.Place == NodePlace.Ring)
            return;
        RemoveFromLru(node);
        if (InWindow(n.FrameNumber, window))
        {
            int slot = RingSlot(n.FrameNumber);
            int occupant = _ring[slot];
            _ring[slot] = node;
            n.Place = NodePlace.Ring;
            RingCount++;
            if (occupant >= 0)
            {
                // One LRU place was just freed, so this needs no eviction.
                RingCount--;
                InsertIntoLru(occupant);
            }
            return;
        }
        n.Place = NodePlace.Recent;
        _lruIndex.Set(n.FrameNumber, node);
        _recent.PushFront(_nodes, node);
    }

    /// <summary>
    /// Stores a frame the caller has checked is absent, in the ring when it falls inside
    /// <paramref name="window"/> (or when there is no LRU), otherwise in the LRU. Needs one
    /// free place in <paramref name="evicted"/> for the frame it may push out.
    /// </summary>
    public void Add(long frameNumber, ulong frame, long size, bool speculative, in RingWindow window, ref EvictionBatch evicted)
    {
        Debug.Assert(evicted.Room >= 1, "The caller leaves room for one eviction.");
        bool intoRing = _lruCapacity == 0 || InWindow(frameNumber, window);
        int node = TakeFreeNode();
        ref CacheNode added = ref _nodes[node];
        added.FrameNumber = frameNumber;
        added.Frame = frame;
        added.Size = size;
        added.Speculative = speculative;
        added.Used = false;
        BytesHeld += size;

        if (!intoRing)
        {
            AddToLru(node, window, ref evicted);
            return;
        }

        int slot = RingSlot(frameNumber);
        int occupant = _ring[slot];
        if (occupant >= 0)
        {
            // The occupant is outside the window, but scrubbing may still want it.
            if (_lruCapacity == 0)
            {
                Detach(occupant, ref evicted);
            }
            else
            {
                _ring[slot] = -1;
                RingCount--;
                AddToLru(occupant, window, ref evicted);
            }
        }
        _ring[slot] = node;
        added.Place = NodePlace.Ring;
        RingCount++;
    }

    /// <summary>
    /// Gives up one frame to free memory: the LRU's victim, or when the LRU is empty the ring
    /// frame <paramref name="window"/> needs least (outside the window, then already passed by
    /// the playhead, then furthest ahead). False when nothing is held.
    /// </summary>
    public bool EvictOne(in RingWindow window, ref EvictionBatch evicted)
    {
        if (LruCount > 0)
        {
            Detach(LruVictim(window), ref evicted);
            return true;
        }
        int victim = LeastNeededRingNode(window);
        if (victim < 0)
            return false;
        Detach(victim, ref evicted);
        return true;
    }

    /// <summary>Detaches frames into <paramref name="evicted"/> until it is full; true when frames remain.</summary>
    public bool DrainInto(ref EvictionBatch evicted)
    {
        int slot = 0;
        while (evicted.Room > 0)
        {
            if (_lookahead.Tail >= 0)
            {
                Detach(_lookahead.Tail, ref evicted);
                continue;
            }
            if (_recent.Tail >= 0)
            {
                Detach(_recent.Tail, ref evicted);
                continue;
            }
            while (slot < _ring.Length && _ring[slot] < 0)
                slot++;
            if (slot == _ring.Length)
                return false;
            Detach(_ring[slot], ref evicted);
        }
        return RingCount + LruCount > 0;
    }

    /// <summary>Checks the links, places and counts; for tests and debug builds.</summary>
    [Conditional("DEBUG")]
    public void AssertInvariants()
    {
        long bytes = CheckList(_recent, NodePlace.Recent) + CheckList(_lookahead, NodePlace.Lookahead);
        Debug.Assert(_recent.Count + _lookahead.Count == LruCount, "The LRU lists and the index hold the same frames.");
        Debug.Assert(LruCount <= _lruCapacity, "The LRU stays within its capacity.");
        int ring = 0;
        for (int slot = 0; slot < _ring.Length; slot++)
        {
            int n = _ring[slot];
            if (n < 0)
                continue;
            Debug.Assert(_nodes[n].Place == NodePlace.Ring && RingSlot(_nodes[n].FrameNumber) == slot, "A ring node sits in its own slot.");
            bytes += _nodes[n].Size;
            ring++;
        }
        Debug.Assert(ring == RingCount, "RingCount counts the occupied slots.");
        Debug.Assert(bytes == BytesHeld, "BytesHeld is the sum of the held frames.");
    }

    private long CheckList(NodeList list, NodePlace place)
    {
        long bytes = 0;
        int count = 0;
        for (int n = list.Head, prev = -1; n >= 0; prev = n, n = _nodes[n].Next)
        {
            Debug.Assert(_nodes[n].Place == place, "Every node on an LRU list has that list's place.");
            Debug.Assert(_nodes[n].Prev == prev, "LRU links agree in both directions.");
            Debug.Assert(_lruIndex.TryGet(_nodes[n].FrameNumber, out int indexed) && indexed == n, "The index finds every LRU node.");
            bytes += _nodes[n].Size;
            count++;
        }
        Debug.Assert(count == list.Count, "A list's count is its length.");
        return bytes;
    }

    private int RingSlot(long frameNumber) => (int)(frameNumber % _ring.Length);

    private bool InWindow(long frameNumber, in RingWindow window) =>
        frameNumber >= window.Start && frameNumber - window.Start < _ring.Length;

    /// <summary>Puts a node into the LRU, making room first.</summary>
    private void AddToLru(int node, in RingWindow window, ref EvictionBatch evicted)
    {
        if (LruCount == _lruCapacity)
            Detach(LruVictim(window), ref evicted);
        InsertIntoLru(node);
    }

    /// <summary>Links a node into the LRU, which has room: frames not handed out yet go to the lookahead list.</summary>
    private void InsertIntoLru(int node)
    {
        ref CacheNode n = ref _nodes[node];
        _lruIndex.Set(n.FrameNumber, node);
        if (n.Used)
        {
            n.Place = NodePlace.Recent;
            _recent.PushFront(_nodes, node);
        }
        else
        {
            n.Place = NodePlace.Lookahead;
            _lookahead.PushFront(_nodes, node);
        }
    }

    /// <summary>Unlinks an LRU node from its list and the index.</summary>
    private void RemoveFromLru(int node)
    {
        ref CacheNode n = ref _nodes[node];
        if (n.Place == NodePlace.Recent)
            _recent.Unlink(_nodes, node);
        else
            _lookahead.Unlink(_nodes, node);
        _lruIndex.Remove(n.FrameNumber);
    }

    /// <summary>
    /// The LRU frame to give up, from the two ends that can go in O(1): the oldest lookahead
    /// frame and the least recently used one. A frame the playhead will not reach soon goes
    /// first (lookahead first: a stale prediction); if both will be reached soon, the one
    /// reached later goes.
    /// </summary>
    private int LruVictim(in RingWindow window)
    {
        Debug.Assert(LruCount > 0, "Only a non-empty LRU evicts.");
        int oldest = _lookahead.Tail, coldest = _recent.Tail;
        if (oldest < 0 || coldest < 0)
            return oldest < 0 ? coldest : oldest;
        long oldestAhead = window.Ahead(_nodes[oldest].FrameNumber);
        long coldestAhead = window.Ahead(_nodes[coldest].FrameNumber);
        if (!IsSoon(oldestAhead))
            return oldest;
        if (!IsSoon(coldestAhead))
            return coldest;
        return oldestAhead >= coldestAhead ? oldest : coldest;
    }

    /// <summary>Whether the playhead reaches a frame this far ahead soon: within two ring lengths.</summary>
    private bool IsSoon(long ahead) => ahead > 0 && ahead <= 2L * _ring.Length;

    private int LeastNeededRingNode(in RingWindow window)
    {
        int victim = -1;
        long worst = long.MinValue;
        for (int slot = 0; slot < _ring.Length; slot++)
        {
            int n = _ring[slot];
            if (n < 0)
                continue;
            long frame = _nodes[n].FrameNumber;
            long ahead = window.Ahead(frame);
            bool inWindow = InWindow(frame, window);
            // Larger is evicted first: outside the window, then behind the playhead, then far ahead.
            long score = !inWindow ? (2L << 40) + Math.Abs(ahead)
                : ahead < 0 ? (1L << 40) - ahead
                : ahead;
            if (score > worst)
            {
                worst = score;
                victim = n;
            }
        }
        return victim;
    }

    /// <summary>Removes a node from wherever it is, hands its frame to the batch, frees the node.</summary>
    private void Detach(int node, ref EvictionBatch evicted)
    {
        ref CacheNode n = ref _nodes[node];
        if (n.Place == NodePlace.Ring)
        {
            _ring[RingSlot(n.FrameNumber)] = -1;
            RingCount--;
        }
        else
        {
            Debug.Assert(n.Place is NodePlace.Recent or NodePlace.Lookahead, "Only held nodes are detached.");
            RemoveFromLru(node);
        }
        BytesHeld -= n.Size;
        evicted.Add(n);
        n.Frame = 0;
        n.Place = NodePlace.Free;
        n.Next = _freeHead;
        _freeHead = node;
    }

    private int TakeFreeNode()
    {
        int node = _freeHead;
        Debug.Assert(node >= 0, "Ring plus LRU plus one spare nodes always suffice.");
        _freeHead = _nodes[node].Next;
        return node;
    }
}
