using System.Threading;
using Reel.Cache;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// Test double of Reel's frame pools: refcounted frames whose every Retain and Release is
/// checked. A frame id is <c>generation &lt;&lt; 32 | slot + 1</c>; a freed slot is reused last
/// (FIFO) and with a new generation, so a stale id is caught as use after free. Thread-safe
/// and allocation-free in steady state (so the cache's zero-allocation test can use it).
/// </summary>
internal sealed class CountingFramePool : IFrameLifetime
{
    /// <summary>Per slot: generation in the high 32 bits, refcount in the low 32.</summary>
    private readonly long[] _state;
    private readonly long[] _frameNumber;
    private readonly long[] _size;

    /// <summary>Free slots, oldest freed first.</summary>
    private readonly int[] _free;
    private readonly Lock _freeLock = new();
    private int _freeHead;
    private int _freeCount;

    private long _violations;
    private string? _firstViolation;
    private long _allocated;
    private long _freed;
    private long _retains;
    private long _releases;

    /// <summary>A pool of at most <paramref name="capacity"/> live frames.</summary>
    public CountingFramePool(int capacity)
    {
        _state = new long[capacity];
        _frameNumber = new long[capacity];
        _size = new long[capacity];
        _free = new int[capacity];
        for (int i = 0; i < capacity; i++)
            _free[i] = i;
        _freeCount = capacity;
    }

    /// <summary>Checks that failed: retain or release of a freed or unknown frame, release below zero.</summary>
    public long Violations => Interlocked.Read(ref _violations);

    /// <summary>The first violation in words; null when none.</summary>
    public string? FirstViolation => Volatile.Read(ref _firstViolation);

    /// <summary>Frames alive now (allocated and not yet freed).</summary>
    public long Live => Interlocked.Read(ref _allocated) - Interlocked.Read(ref _freed);

    /// <summary>Frames ever allocated.</summary>
    public long Allocated => Interlocked.Read(ref _allocated);

    /// <summary>Retain calls that succeeded.</summary>
    public long Retains => Interlocked.Read(ref _retains);

    /// <summary>Release calls that succeeded.</summary>
    public long Releases => Interlocked.Read(ref _releases);

    /// <summary>A new frame with one reference (the caller's), or 0 when the pool is exhausted.</summary>
    public ulong Allocate(long frameNumber, long size)
    {
        int slot;
        lock (_freeLock)
        {
            if (_freeCount == 0)
                return 0;
            slot = _free[_freeHead];
            _freeHead = (_freeHead + 1) % _free.Length;
            _freeCount--;
        }
        _frameNumber[slot] = frameNumber;
        _size[slot] = size;
        long generation = (Volatile.Read(ref _state[slot]) >> 32) + 1;
        // Publish number and size before the state that makes the frame live.
        Volatile.Write(ref _state[slot], generation << 32 | 1);
        Interlocked.Increment(ref _allocated);
        return (ulong)generation << 32 | (uint)(slot + 1);
    }

    /// <inheritdoc />
    public void Retain(ulong frame)
    {
        if (!TryAdjust(frame, +1, "retain"))
            return;
        Interlocked.Increment(ref _retains);
    }

    /// <inheritdoc />
    public void Release(ulong frame)
    {
        if (!TryAdjust(frame, -1, "release"))
            return;
        Interlocked.Increment(ref _releases);
    }

    /// <inheritdoc />
    public long SizeOf(ulong frame)
    {
        if (!IsAlive(frame, out int slot))
        {
            Violation("size of a frame that is not alive", frame);
            return 1;
        }
        return _size[slot];
    }

    /// <summary>Whether a frame is alive and holds <paramref name="frameNumber"/>'s picture.</summary>
    public bool Holds(ulong frame, long frameNumber) => IsAlive(frame, out int slot) && _frameNumber[slot] == frameNumber;

    /// <summary>The references a live frame has; 0 when freed or unknown.</summary>
    public int RefCount(ulong frame) => IsAlive(frame, out int slot) ? (int)(Volatile.Read(ref _state[slot]) & 0xFFFF_FFFF) : 0;

    private bool IsAlive(ulong frame, out int slot)
    {
        slot = (int)(frame & 0xFFFF_FFFF) - 1;
        if (slot < 0 || slot >= _state.Length)
            return false;
        long state = Volatile.Read(ref _state[slot]);
        return (ulong)(state >> 32) == frame >> 32 && (state & 0xFFFF_FFFF) > 0;
    }

    private bool TryAdjust(ulong frame, int delta, string what)
    {
        int slot = (int)(frame & 0xFFFF_FFFF) - 1;
        if (slot < 0 || slot >= _state.Length)
        {
            Violation($"{what} of a frame this pool never issued", frame);
            return false;
        }
        while (true)
        {
            long state = Volatile.Read(ref _state[slot]);
            long refs = state & 0xFFFF_FFFF;
            if ((ulong)(state >> 32) != frame >> 32 || refs == 0)
            {
                Violation($"{what} of a freed frame (released more often than retained, or used after free)", frame);
                return false;
            }
            if (Interlocked.CompareExchange(ref _state[slot], state + delta, state) != state)
                continue;
            if (refs + delta == 0)
                Free(slot);
            return true;
        }
    }

    private void Free(int slot)
    {
        Interlocked.Increment(ref _freed);
        lock (_freeLock)
        {
            _free[(_freeHead + _freeCount) % _free.Length] = slot;
            _freeCount++;
        }
    }

    private void Violation(string what, ulong frame)
    {
        Interlocked.Increment(ref _violations);
        Interlocked.CompareExchange(ref _firstViolation, $"{what}: frame 0x{frame:x}", null);
    }
}
