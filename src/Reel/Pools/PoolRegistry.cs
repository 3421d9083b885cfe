using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Pools;

/// <summary>
/// Live pools by handle (<c>reel_pool_t</c>), and slot pools by registry index (buffer
/// handles name their slot pool by index). A destroyed pool leaves the first table at once
/// and its slot pools leave the second when their last buffer comes back.
/// </summary>
/// <remarks>
/// Each registry index keeps a floor: the lowest buffer tag no slot pool at that index has
/// issued. A slot pool that takes over the index starts above it, so a stale handle of an
/// earlier pool never names one of its buffers. An index whose floor passed half the tag
/// space is retired for good (after 2^41 tags, i.e. never in practice).
/// </remarks>
public static class PoolRegistry
{
    /// <summary>Most pools alive at once.</summary>
    public const int MaxPools = 16384;

    /// <summary>The first tag at a fresh index: the handle's generation field is then at least 1, like other handles'.</summary>
    private const ulong FirstTagFloor = 1UL << (32 - BufferHandles.PoolIndexBits);

    /// <summary>An index whose floor is above this is retired.</summary>
    private const ulong RetireTagFloor = 1UL << (BufferHandles.TagBits - 1);

    private static readonly HandleTable<Pool> s_pools = new(HandleType.Pool, MaxPools);

    private static readonly HandleTable<SlotPool> s_slotPools = new(HandleType.Buffer, BufferHandles.MaxSlotPools);

    /// <summary>Live pools by handle index: an acquire resolves its pool with one read and one compare of the whole handle.</summary>
    private static readonly Pool?[] s_poolsByIndex = new Pool?[MaxPools];

    /// <summary>Slot pools by registry index, for the one read a buffer release needs.</summary>
    private static readonly SlotPool?[] s_byIndex = new SlotPool?[BufferHandles.MaxSlotPools];

    /// <summary>Per registry index, the lowest tag not yet issued there (0 = never used: <see cref="FirstTagFloor"/>).</summary>
    private static readonly ulong[] s_tagFloors = new ulong[BufferHandles.MaxSlotPools];

    /// <summary>Serializes slot-pool registration with the floors.</summary>
    private static readonly object s_lock = new();

    /// <summary>Resolves a pool handle without locking.</summary>
    /// <remarks>
    /// The fast path compares the whole 64-bit value with the handle of the pool at its
    /// index (type tag and generation included), so a stale or forged handle never matches;
    /// the table then says why it failed.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HandleError TryResolve(Handle handle, out Pool? pool)
    {
        uint index = handle.Index;
        if (index < (uint)s_poolsByIndex.Length && Volatile.Read(ref ElementAt(s_poolsByIndex, index)) is { } candidate && candidate.Handle == handle)
        {
            pool = candidate;
            return HandleError.None;
        }
        return Classify(handle, out pool);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HandleError Classify(Handle handle, out Pool? pool) => s_pools.TryGet(handle, out pool);

    /// <summary>The slot pool at a registry index (from a buffer handle), or null; lock-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SlotPool? SlotPoolAt(uint index) =>
        index < (uint)s_byIndex.Length ? Volatile.Read(ref ElementAt(s_byIndex, index)) : null;

    /// <summary>An element whose index the caller checked, without a second bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T ElementAt<T>(T[] array, uint index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)index);

    /// <summary>Registers a new pool and its slot pools; on failure nothing stays registered.</summary>
    internal static ReelResult Register(Pool pool, string function)
    {
        var slotPools = pool.SlotPools;
        for (int i = 0; i < slotPools.Length; i++)
        {
            if (!TryRegister(slotPools[i]))
            {
                for (int j = 0; j < i; j++)
                    Unregister(slotPools[j]);
                return LastError.Set(ReelResult.ErrorLimitReached,
                    $"{function}: {BufferHandles.MaxSlotPools} pools (or byte-pool size classes) are registered, the most Reel allows; destroy pools and return their buffers");
            }
        }
        if (!s_pools.TryAdd(pool, out Handle handle))
        {
            foreach (SlotPool slotPool in slotPools)
                Unregister(slotPool);
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxPools} pools are alive, the most Reel allows; destroy one first");
        }
        pool.Handle = handle;
        Volatile.Write(ref s_poolsByIndex[handle.Index], pool);
        return ReelResult.Success;
    }

    /// <summary>Invalidates a pool's handle (destroy); its slot pools stay until drained.</summary>
    internal static HandleError RemovePool(Handle handle, out Pool? pool)
    {
        HandleError error = s_pools.TryRemove(handle, out pool);
        if (error == HandleError.None)
            Interlocked.CompareExchange(ref s_poolsByIndex[handle.Index], null, pool);
        return error;
    }

    /// <summary>Removes a drained slot pool: its buffer handles stop resolving, and its index's floor rises past its tags.</summary>
    internal static void Unregister(SlotPool slotPool)
    {
        lock (s_lock)
        {
            uint index = slotPool.RegistryIndex;
            if (!ReferenceEquals(s_byIndex[index], slotPool))
                return;
            Volatile.Write(ref s_byIndex[index], null);
            ulong floor = System.Math.Max(s_tagFloors[index], slotPool.NextTagFloor());
            s_tagFloors[index] = floor;
            s_slotPools.TryRemove(slotPool.RegistryHandle, out _, retireIndex: floor > RetireTagFloor);
        }
    }

    private static bool TryRegister(SlotPool slotPool)
    {
        lock (s_lock)
        {
            if (!s_slotPools.TryAdd(slotPool, out Handle registryHandle))
                return false;
            uint index = registryHandle.Index;
            slotPool.RegistryHandle = registryHandle;
            slotPool.RegistryIndex = index;
            slotPool.StartGenerations(System.Math.Max(FirstTagFloor, s_tagFloors[index]));
            Volatile.Write(ref s_byIndex[index], slotPool);
            return true;
        }
    }
}
