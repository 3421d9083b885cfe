using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;

namespace Reel.Pools;

/// <summary>
/// A pool as hosts see it (<c>reel_pool_t</c>): a frame, audio or byte pool made of one or
/// more <see cref="SlotPool"/>s, owned by a context.
/// </summary>
public abstract class Pool
{
    private int _drainedSlotPools;

    /// <summary>Creates the pool object; <see cref="Register"/> makes it reachable.</summary>
    protected Pool(ReelContext context, string name, PoolKind kind)
    {
        Context = context;
        Name = name;
        Kind = kind;
    }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; internal set; }

    /// <summary>Label in messages and stats.</summary>
    public string Name { get; }

    /// <summary>Frame, audio or bytes.</summary>
    public PoolKind Kind { get; }

    /// <summary>The owning context (allocator, logger, frame clock).</summary>
    public ReelContext Context { get; }

    /// <summary>The slot pools: one for frame and audio pools, one per size class for byte pools.</summary>
    public abstract SlotPool[] SlotPools { get; }

    /// <summary>Counters summed over the slot pools.</summary>
    public PoolStats GetStats()
    {
        var total = new PoolStats();
        foreach (SlotPool slotPool in SlotPools)
        {
            PoolStats stats = slotPool.GetStats();
            total.Add(stats);
        }
        return total;
    }

    /// <summary>Frees idle buffers until at most <paramref name="keepIdle"/> remain in each slot pool; returns how many were freed.</summary>
    public int Trim(uint keepIdle)
    {
        int freed = 0;
        foreach (SlotPool slotPool in SlotPools)
            freed += slotPool.Trim(keepIdle);
        return freed;
    }

    /// <summary>Frame clock tick: trims buffers idle longer than the configured age.</summary>
    public void OnFrame(long frame, long nowNs)
    {
        foreach (SlotPool slotPool in SlotPools)
            slotPool.TrimByAge(frame, nowNs);
    }

    /// <summary>The accounting category of the pool's memory.</summary>
    public Memory.MemoryCategory Category => SlotPools[0].Category;

    /// <summary>Bytes of buffer memory the pool holds (idle and out).</summary>
    public long BytesHeld
    {
        get
        {
            long bytes = 0;
            foreach (SlotPool slotPool in SlotPools)
                bytes += (long)slotPool.GetAllocatedBytes();
            return bytes;
        }
    }

    /// <summary>Buffers out.</summary>
    public int InUse
    {
        get
        {
            int inUse = 0;
            foreach (SlotPool slotPool in SlotPools)
                inUse += slotPool.InUse;
            return inUse;
        }
    }

    /// <summary>
    /// Destroys the pool: the handle is stale at once, idle buffers are freed, buffers still
    /// out are freed when released. <paramref name="function"/> prefixes failure messages.
    /// </summary>
    public static ReelResult Destroy(Handle handle, string function)
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = PoolRegistry.RemovePool(handle, out Pool? pool);
        if (error != HandleError.None)
        {
            return LastError.Set(ReelResult.ErrorInvalidHandle,
                $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Pool, "pool"));
        }
        pool!.Context.RemovePool(pool);
        pool.DestroySlotPools();
        return ReelResult.Success;
    }

    /// <summary>Destroys the slot pools of a pool already removed from the registry (also used at context teardown).</summary>
    internal void DestroySlotPools()
    {
        int outstanding = InUse;
        foreach (SlotPool slotPool in SlotPools)
            slotPool.Destroy();
        if (outstanding > 0)
            Context.Log.Write(LogLevel.Debug, $"pool '{Name}' destroyed with {outstanding} buffer(s) out; they are freed as they are released");
        else
            Context.Log.Write(LogLevel.Debug, $"pool '{Name}' destroyed");
    }

    /// <summary>Called by a slot pool once destroyed and empty: it leaves the registry.</summary>
    internal void OnSlotPoolDrained(SlotPool slotPool)
    {
        PoolRegistry.Unregister(slotPool);
        if (System.Threading.Interlocked.Increment(ref _drainedSlotPools) == SlotPools.Length)
        {
            Context.OnPoolDrained(this);
            Context.Log.Write(LogLevel.Debug, $"pool '{Name}' drained: every buffer is back and freed");
        }
    }

    /// <summary>The one slot pool of a frame or audio pool, which acquire serves from; null for byte pools.</summary>
    private SlotPool? _fixedSizeSlots;

    /// <summary>The payload size of every buffer of <see cref="_fixedSizeSlots"/>.</summary>
    private nuint _fixedSize;

    /// <summary>Frame and audio pools: acquire hands out buffers of <paramref name="slotPool"/> with payload <paramref name="size"/>.</summary>
    private protected void ServeFixedSize(SlotPool slotPool, nuint size)
    {
        _fixedSizeSlots = slotPool;
        _fixedSize = size;
    }

    /// <summary>Acquire for frame and audio pools (byte pools need a size). Not virtual: the C ABI's hot path inlines it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReelResult Acquire(string function, out Handle buffer)
    {
        if (_fixedSizeSlots is { } slotPool)
            return slotPool.Acquire(_fixedSize, function, out buffer);
        buffer = Handle.Null;
        return NeedsASize(function);
    }

    private ReelResult NeedsASize(string function) =>
        LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: pool '{Name}' is a byte pool; use reel_pool_acquire_bytes with a size");

    /// <summary>Acquire for byte pools.</summary>
    public virtual ReelResult AcquireBytes(nuint size, string function, out Handle buffer)
    {
        buffer = Handle.Null;
        return LastError.Set(ReelResult.ErrorInvalidArgument,
            $"{function}: pool '{Name}' is a {Kind.ToString().ToLowerInvariant()} pool; use reel_pool_acquire");
    }

    /// <summary>
    /// Registers the pool and its slot pools, preallocates, and adds it to its context; on
    /// any failure nothing stays registered or allocated.
    /// </summary>
    internal ReelResult Register(string function)
    {
        foreach (SlotPool slotPool in SlotPools)
            slotPool.Owner = this;
        ReelResult result = PoolRegistry.Register(this, function);
        if (result != ReelResult.Success)
            return result;
        foreach (SlotPool slotPool in SlotPools)
        {
            result = slotPool.Preallocate(function);
            if (result != ReelResult.Success)
            {
                PoolRegistry.RemovePool(Handle, out _);
                DestroySlotPools();
                return result;
            }
        }
        Context.AddPool(this);
        return ReelResult.Success;
    }

    /// <summary>Label of a pool for messages: its name, or the default for its kind.</summary>
    internal static string LabelOf(string? name, PoolKind kind) =>
        string.IsNullOrEmpty(name) ? kind.ToString().ToLowerInvariant() : name;
}
