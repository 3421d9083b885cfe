using System;
using System.Diagnostics;

namespace Reel.Cache;

/// <summary>
/// The producer queue of a <see cref="FrameCache"/>: frame numbers waiting for a producer,
/// and those a producer took and has not inserted yet ("in flight"). Both together never
/// exceed the capacity. Preallocated; not thread-safe (the cache calls it under its lock).
/// </summary>
/// <remarks>
/// The cache replaces the waiting requests on every access (<see cref="BeginReplace"/> …
/// <see cref="EndReplace"/>), so the queue always holds the latest prediction in priority
/// order; requests that are no longer predicted are cancelled before a producer wastes time
/// on them. In-flight requests are never cancelled: their decode is already under way.
/// </remarks>
internal sealed class RequestQueue
{
    /// <summary>State bit: waiting for a producer.</summary>
    private const int Queued = 1;
    /// <summary>State bit: taken by a producer, not yet inserted or abandoned.</summary>
    private const int InFlight = 2;
    /// <summary>State bit: a consumer missed the frame.</summary>
    private const int Demand = 4;
    /// <summary>Queued before the current replacement and not (yet) asked for again.</summary>
    private const int Stale = 8;

    /// <summary>Pending frames and their state bits.</summary>
    private readonly FrameTable _state;

    /// <summary>Waiting frames in priority order from <see cref="_head"/> to <see cref="_tail"/>; -1 where one was completed while waiting.</summary>
    private long[] _order;

    /// <summary>The order being built by a replacement; swapped with <see cref="_order"/> at its end.</summary>
    private long[] _nextOrder;

    /// <summary>Next entry of <see cref="_order"/> to hand out.</summary>
    private int _head;

    /// <summary>End of the used part of <see cref="_order"/>.</summary>
    private int _tail;

    /// <summary>Entries of <see cref="_nextOrder"/> written by the replacement under way.</summary>
    private int _nextCount;

    /// <summary>A queue of at most <paramref name="capacity"/> pending requests.</summary>
    public RequestQueue(int capacity)
    {
        Capacity = capacity;
        _order = new long[capacity];
        _nextOrder = new long[capacity];
        // During a replacement the old and the new waiting requests are both in the table.
        _state = new FrameTable(2 * capacity);
    }

    /// <summary>Most requests waiting plus in flight.</summary>
    public int Capacity { get; }

    /// <summary>Requests waiting for a producer.</summary>
    public int QueuedCount { get; private set; }

    /// <summary>Requests a producer took and has not inserted or abandoned.</summary>
    public int InFlightCount { get; private set; }

    /// <summary>Waiting plus in flight.</summary>
    public int Depth => QueuedCount + InFlightCount;

    /// <summary>Starts replacing the waiting requests: they become stale unless asked for again.</summary>
    public void BeginReplace()
    {
        for (int i = _head; i < _tail; i++)
        {
            if (_order[i] >= 0 && _state.TryGet(_order[i], out int state) && (state & Queued) != 0)
                _state.Set(_order[i], state | Stale);
        }
        _nextCount = 0;
    }

    /// <summary>
    /// Asks for a frame during a replacement. False when it is in flight already, or when the
    /// queue is full (then every later, lower-priority request would be refused too).
    /// </summary>
    public bool Want(long frameNumber, bool demand, out bool isNew)
    {
        isNew = false;
        if (_state.TryGet(frameNumber, out int state))
        {
            if ((state & Stale) == 0)
            {
                // In flight, or asked for already in this replacement. A consumer now waits for it.
                if (demand)
                    _state.Set(frameNumber, state | Demand);
                return false;
            }
            if (_nextCount + InFlightCount >= Capacity)
                return false;
            _state.Set(frameNumber, Queued | (demand ? Demand : 0));
            _nextOrder[_nextCount++] = frameNumber;
            return true;
        }
        if (_nextCount + InFlightCount >= Capacity)
            return false;
        _state.Set(frameNumber, Queued | (demand ? Demand : 0));
        _nextOrder[_nextCount++] = frameNumber;
        QueuedCount++;
        isNew = true;
        return true;
    }

    /// <summary>Ends a replacement; returns how many waiting requests were cancelled.</summary>
    public int EndReplace()
    {
        int cancelled = 0;
        for (int i = _head; i < _tail; i++)
        {
            if (_order[i] >= 0 && _state.TryGet(_order[i], out int state) && (state & Stale) != 0)
            {
                _state.Remove(_order[i]);
                QueuedCount--;
                cancelled++;
            }
        }
        (_order, _nextOrder) = (_nextOrder, _order);
        _head = 0;
        _tail = _nextCount;
        Debug.Assert(QueuedCount == _nextCount, "After a replacement the waiting requests are exactly the new order.");
        return cancelled;
    }

    /// <summary>Appends a request behind the waiting ones (outside a replacement); false if pending already or full.</summary>
    public bool Append(long frameNumber, bool demand)
    {
        if (_state.TryGet(frameNumber, out _) || Depth >= Capacity)
            return false;
        if (_tail == _order.Length)
            Compact();
        _state.Set(frameNumber, Queued | (demand ? Demand : 0));
        _order[_tail++] = frameNumber;
        QueuedCount++;
        return true;
    }

    /// <summary>Hands the most urgent waiting request to a producer; it is in flight from now on.</summary>
    public bool TryTake(out long frameNumber, out bool demand)
    {
        while (_head < _tail)
        {
            frameNumber = _order[_head++];
            if (frameNumber < 0)
                continue; // completed by an insert while it waited
            _state.TryGet(frameNumber, out int state);
            Debug.Assert((state & Queued) != 0, "Every live entry of the order is waiting.");
            _state.Set(frameNumber, InFlight | (state & Demand));
            QueuedCount--;
            InFlightCount++;
            demand = (state & Demand) != 0;
            return true;
        }
        frameNumber = -1;
        demand = false;
        return false;
    }

    /// <summary>Removes a waiting or in-flight request (its frame arrived, or it was abandoned).</summary>
    public bool Complete(long frameNumber, out bool wasDemand, out bool wasInFlight)
    {
        wasDemand = wasInFlight = false;
        if (!_state.TryGet(frameNumber, out int state))
            return false;
        _state.Remove(frameNumber);
        wasDemand = (state & Demand) != 0;
        wasInFlight = (state & InFlight) != 0;
        if (wasInFlight)
        {
            InFlightCount--;
            return true;
        }
        QueuedCount--;
        // Blank its place in the order so a later request for the same frame is its only entry.
        int at = Array.IndexOf(_order, frameNumber, _head, _tail - _head);
        Debug.Assert(at >= 0, "A waiting request has a place in the order.");
        _order[at] = -1;
        return true;
    }

    /// <summary>Forgets every request, waiting and in flight.</summary>
    public void Clear()
    {
        _state.Clear();
        _head = _tail = 0;
        QueuedCount = InFlightCount = 0;
    }

    /// <summary>Moves the live waiting entries to the front of the order array.</summary>
    private void Compact()
    {
        int write = 0;
        for (int i = _head; i < _tail; i++)
        {
            if (_order[i] >= 0)
                _order[write++] = _order[i];
        }
        _head = 0;
        _tail = write;
        Debug.Assert(_tail < _order.Length, "Waiting requests are fewer than the capacity when appending is allowed.");
    }
}
