using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Reel.Pools;

/// <summary>
/// What a thread that uses pools keeps for itself: an id (stamped on the buffers it acquires)
/// and its caches, one per slot pool, indexed by registry index. One [ThreadStatic] read finds
/// both, so acquire and release pay for thread-local storage once each.
/// </summary>
internal sealed class PoolThread
{
    [ThreadStatic] private static PoolThread? t_current;

    private static int s_lastId;

    private PoolThread() => Id = NextId();

    /// <summary>
    /// Nonzero and unique among live threads in practice (it would repeat only after 2^32
    /// threads). Only a heuristic depends on it (keep a released buffer locally or not), never
    /// correctness.
    /// </summary>
    public int Id { get; }

    /// <summary>This thread's caches by slot-pool registry index; entries of destroyed pools are replaced when their index is reused.</summary>
    public ThreadSlotCache?[] Caches = new ThreadSlotCache?[16];

    /// <summary>The cache this thread used last (a placeholder of no pool at first), checked before <see cref="Caches"/>.</summary>
    public ThreadSlotCache LastCache = ThreadSlotCache.None;

    /// <summary>The calling thread's state, created on its first pool operation.</summary>
    public static PoolThread Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current ?? Create();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PoolThread Create() => t_current = new PoolThread();

    private static int NextId()
    {
        int id;
        do
        {
            id = Interlocked.Increment(ref s_lastId);
        }
        while (id == 0);
        return id;
    }

    /// <summary>Makes room for index <paramref name="index"/> in <see cref="Caches"/>.</summary>
    public void Reserve(uint index)
    {
        if (index >= Caches.Length)
            Array.Resize(ref Caches, (int)Math.Max(index + 1, (uint)Caches.Length * 2));
    }
}
