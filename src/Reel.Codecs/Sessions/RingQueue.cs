namespace Reel.Codecs.Sessions;

/// <summary>
/// A FIFO over an array that grows only when full, so steady-state enqueue and dequeue
/// allocate nothing (System.Collections.Generic.Queue would do too, but this one also lets a
/// bounded user check <see cref="Count"/> against its own limit and drain in order). Not
/// thread-safe: callers hold their lock.
/// </summary>
internal sealed class RingQueue<T>
{
    private T[] _items;
    private int _head;
    private int _count;

    /// <summary>Creates a queue with room for <paramref name="capacity"/> items before it grows.</summary>
    public RingQueue(int capacity) => _items = new T[System.Math.Max(1, capacity)];

    /// <summary>Items waiting.</summary>
    public int Count => _count;

    /// <summary>Appends an item, growing the array when full.</summary>
    public void Enqueue(T item)
    {
        if (_count == _items.Length)
        {
            var grown = new T[_items.Length * 2];
            for (int i = 0; i < _count; i++)
                grown[i] = _items[(_head + i) % _items.Length];
            _items = grown;
            _head = 0;
        }
        _items[(_head + _count) % _items.Length] = item;
        _count++;
    }

    /// <summary>Takes the oldest item; false when empty.</summary>
    public bool TryDequeue(out T item)
    {
        if (_count == 0)
        {
            item = default!;
            return false;
        }
        item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }
}
