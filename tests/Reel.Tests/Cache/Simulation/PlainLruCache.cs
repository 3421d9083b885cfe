using System.Collections.Generic;
using Reel.Cache;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// The baseline: a plain LRU of frames with the same entry count and byte budget as the Reel
/// cache, and no prediction. A miss asks for exactly the missed frame; whatever is inserted
/// is kept in least-recently-used order. Hits and misses are counted by the player
/// (<see cref="PlaybackSimulator"/>), the same way for every cache.
/// </summary>
internal sealed class PlainLruCache : ISimulatedCache
{
    private readonly IFrameLifetime _frames;
    private readonly int _capacity;
    private readonly long _budget;
    private readonly Dictionary<long, LinkedListNode<(long FrameNumber, ulong Frame, long Size)>> _index = new();
    private readonly LinkedList<(long FrameNumber, ulong Frame, long Size)> _order = new();
    private readonly Queue<long> _requests = new();
    private readonly HashSet<long> _pending = new();
    private long _bytes;

    /// <summary>An LRU of at most <paramref name="capacity"/> frames and <paramref name="budget"/> bytes.</summary>
    public PlainLruCache(string name, IFrameLifetime frames, int capacity, long budget)
    {
        Name = name;
        _frames = frames;
        _capacity = capacity;
        _budget = budget;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool TryGet(long frameNumber, out ulong frame)
    {
        frame = 0;
        bool hit = _index.TryGetValue(frameNumber, out var node);
        if (hit)
        {
            _order.Remove(node!);
            _order.AddFirst(node!);
            frame = node!.Value.Frame;
            _frames.Retain(frame);
        }
        else if (_pending.Add(frameNumber))
        {
            _requests.Enqueue(frameNumber);
        }
        return hit;
    }

    /// <inheritdoc />
    public bool TryTakeRequest(out long frameNumber) => _requests.TryDequeue(out frameNumber);

    /// <inheritdoc />
    public void Insert(long frameNumber, ulong frame)
    {
        _pending.Remove(frameNumber);
        if (_index.ContainsKey(frameNumber))
            return;
        long size = _frames.SizeOf(frame);
        while (_order.Count > 0 && (_order.Count >= _capacity || _bytes + size > _budget))
        {
            var victim = _order.Last!.Value;
            _order.RemoveLast();
            _index.Remove(victim.FrameNumber);
            _bytes -= victim.Size;
            _frames.Release(victim.Frame);
        }
        _frames.Retain(frame);
        _index[frameNumber] = _order.AddFirst((frameNumber, frame, size));
        _bytes += size;
    }

    /// <inheritdoc />
    public void AbandonRequest(long frameNumber) => _pending.Remove(frameNumber);

    /// <summary>Releases every frame.</summary>
    public void Clear()
    {
        foreach (var entry in _order)
            _frames.Release(entry.Frame);
        _order.Clear();
        _index.Clear();
        _bytes = 0;
    }
}
