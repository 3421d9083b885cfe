using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;

namespace Reel.Pools;

/// <summary>
/// The free list of a pool: a bounded multi-producer multi-consumer FIFO ring of slot
/// indices (Dmitry Vyukov's design, as in crossbeam's ArrayQueue and .NET's
/// ConcurrentQueueSegment). Each cell carries a sequence number that says whether it is
/// ready to be written or read, so an operation is one CAS on a position plus one release
/// store, with no locks and no allocation. Buffers pass through it between threads (one
/// thread releases what another acquired), at growth and when thread caches are taken back.
/// </summary>
public sealed class FreeSlotRing
{
    private readonly Cell[] _cells;
    private readonly long _mask;

    /// <summary>Enqueue and dequeue positions on separate cache lines.</summary>
    private Positions _positions;

    /// <summary>Creates a ring holding at least <paramref name="capacity"/> indices.</summary>
    public FreeSlotRing(int capacity)
    {
        Debug.Assert(capacity > 0, "A ring holds at least one index.");
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _cells = new Cell[size];
        _mask = size - 1;
        for (int i = 0; i < size; i++)
            _cells[i].Sequence = i;
    }

    /// <summary>Indices the ring can hold.</summary>
    public int Capacity => _cells.Length;

    /// <summary>Indices in the ring; exact when no operation is in progress.</summary>
    public int Count
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            long tail = Volatile.Read(ref _positions.Enqueue);
            long head = Volatile.Read(ref _positions.Dequeue);
            long count = tail - head;
            return count < 0 ? 0 : (int)count;
        }
    }

    /// <summary>Appends an index; false when the ring is full, or its next cell is still being read by a dequeuer.</summary>
    public bool TryEnqueue(int value)
    {
        long position = Volatile.Read(ref _positions.Enqueue);
        while (true)
        {
            ref Cell cell = ref _cells[position & _mask];
            long sequence = Volatile.Read(ref cell.Sequence);
            long difference = sequence - position;
            if (difference == 0)
            {
                if (Interlocked.CompareExchange(ref _positions.Enqueue, position + 1, position) == position)
                {
                    cell.Value = value;
                    Volatile.Write(ref cell.Sequence, position + 1);
                    return true;
                }
                position = Volatile.Read(ref _positions.Enqueue);
            }
            else if (difference < 0)
            {
                return false;
            }
            else
            {
                position = Volatile.Read(ref _positions.Enqueue);
            }
        }
    }

    /// <summary>
    /// Appends an index to a ring that cannot be full (it holds more cells than there are
    /// indices). TryEnqueue can still fail for a moment when a dequeuer has claimed the cell
    /// but not yet marked it free; this waits that moment out instead of losing the index.
    /// </summary>
    public void Enqueue(int value)
    {
        var spinner = new SpinWait();
        while (!TryEnqueue(value))
            spinner.SpinOnce();
    }

    /// <summary>
    /// Takes the oldest index; false only when the ring is empty. An enqueuer that has
    /// claimed the next cell but not yet published it is waited for (briefly), so "empty"
    /// never means "an index is on its way": a pool would otherwise grow, or report
    /// exhaustion, while a buffer is being returned.
    /// </summary>
    public bool TryDequeue(out int value)
    {
        var spinner = new SpinWait();
        long position = Volatile.Read(ref _positions.Dequeue);
        while (true)
        {
            ref Cell cell = ref _cells[position & _mask];
            long sequence = Volatile.Read(ref cell.Sequence);
            long difference = sequence - (position + 1);
            if (difference == 0)
            {
                if (Interlocked.CompareExchange(ref _positions.Dequeue, position + 1, position) == position)
                {
                    value = cell.Value;
                    Volatile.Write(ref cell.Sequence, position + _mask + 1);
                    return true;
                }
                position = Volatile.Read(ref _positions.Dequeue);
            }
            else if (difference < 0)
            {
                if (Volatile.Read(ref _positions.Enqueue) <= position)
                {
                    value = -1;
                    return false;
                }
                spinner.SpinOnce();
                position = Volatile.Read(ref _positions.Dequeue);
            }
            else
            {
                position = Volatile.Read(ref _positions.Dequeue);
            }
        }
    }

    private struct Cell
    {
        public long Sequence;
        public int Value;
    }

    /// <summary>Two positions 64 bytes apart and away from neighbouring fields, so producers and consumers do not share a cache line.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Positions
    {
        [FieldOffset(64)] public long Enqueue;
        [FieldOffset(128)] public long Dequeue;
    }
}
