using Reel.Abi;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Pools;

/// <summary>
/// Live pools by handle (<c>reel_pool_t</c>), and slot pools by registry index (buffer
/// handles name their slot pool by index). A destroyed pool leaves the first table at once
/// and its slot pools leave the second when their last buffer comes back.
/// </summary>
public static class PoolRegistry
{
    /// <summary>Most pools alive at once.</summary>
    public const int MaxPools = 16384;

    private static readonly HandleTable<Pool> s_pools = new(HandleType.Pool, MaxPools);

    private static readonly HandleTable<SlotPool> s_slotPools = new(HandleType.Buffer, BufferHandles.MaxSlotPools);

    /// <summary>Resolves a pool handle without locking.</summary>
    public static HandleError TryResolve(Handle handle, out Pool? pool) => s_pools.TryGet(handle, out pool);

    /// <summary>The slot pool at a registry index (from a buffer handle), without locking.</summary>
    public static bool TryGetSlotPool(uint index, out SlotPool? pool) => s_slotPools.TryGetAt(index, out pool);

    /// <summary>Registers a new pool and its slot pools; on failure nothing stays registered.</summary>
    internal static ReelResult Register(Pool pool, string function)
    {
        var slotPools = pool.SlotPools;
        for (int i = 0; i < slotPools.Length; i++)
        {
            if (!s_slotPools.TryAdd(slotPools[i], out Handle registryHandle))
            {
                for (int j = 0; j < i; j++)
                    Unregister(slotPools[j]);
                return LastError.Set(ReelResult.ErrorLimitReached,
                    $"{function}: {BufferHandles.MaxSlotPools} pools (or byte-pool size classes) are registered, the most Reel allows; destroy pools and return their buffers");
            }
            slotPools[i].RegistryHandle = registryHandle;
            slotPools[i].RegistryIndex = registryHandle.Index;
        }
        if (!s_pools.TryAdd(pool, out Handle handle))
        {
            foreach (SlotPool slotPool in slotPools)
                Unregister(slotPool);
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxPools} pools are alive, the most Reel allows; destroy one first");
        }
        pool.Handle = handle;
        return ReelResult.Success;
    }

    /// <summary>Invalidates a pool's handle (destroy); its slot pools stay until drained.</summary>
    internal static HandleError RemovePool(Handle handle, out Pool? pool) => s_pools.TryRemove(handle, out pool);

    /// <summary>Removes a drained slot pool: its buffer handles stop resolving.</summary>
    internal static void Unregister(SlotPool slotPool) => s_slotPools.TryRemove(slotPool.RegistryHandle, out _);
}
