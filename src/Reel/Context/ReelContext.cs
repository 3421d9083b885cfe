using System;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Pools;
using Reel.Time;

namespace Reel.Context;

/// <summary>
/// The root object of the C API (<c>reel_context_t</c>): owns the allocator and logger that
/// everything created from it uses.
/// </summary>
public sealed class ReelContext
{
    /// <summary>Most contexts alive at once (REEL_ERROR_LIMIT_REACHED beyond).</summary>
    public const int MaxLiveContexts = 4096;

    /// <summary>Every live context, by handle.</summary>
    private static readonly HandleTable<ReelContext> s_registry = new(HandleType.Context, MaxLiveContexts);

    /// <summary>1 once destroyed; read by operations that may race with destruction.</summary>
    private int _destroyed;

    /// <summary>Guards changes of <see cref="_pools"/>.</summary>
    private readonly object _poolsLock = new();

    /// <summary>The context's live pools; replaced (copy on write) so the frame clock iterates without locking or allocating.</summary>
    private Pool[] _pools = [];

    private ReelContext(ContextOptions options)
    {
        Name = options.Name;
        ApiVersion = options.ApiVersion == 0 ? ReelVersion.Packed : options.ApiVersion;
        Allocator = options.Allocator;
        Log = new Logger(options.LogCallback, options.LogLevel, options.Name);
    }

    /// <summary>The handle the host holds; Null until registered.</summary>
    public Handle Handle { get; private set; }

    /// <summary>Label used in log messages and stats.</summary>
    public string Name { get; }

    /// <summary>The API version the host was built against.</summary>
    public uint ApiVersion { get; }

    /// <summary>Source of this context's unmanaged memory.</summary>
    public UnmanagedAllocator Allocator { get; }

    /// <summary>The host's log callback, filtered to its level.</summary>
    public Logger Log { get; }

    /// <summary>The frame clock the host drives with reel_context_advance_frame.</summary>
    public FrameClock Clock { get; } = new();

    /// <summary>The context's live pools at this instant.</summary>
    public Pool[] Pools => Volatile.Read(ref _pools);

    /// <summary>Whether <see cref="Destroy"/> has run.</summary>
    public bool IsDestroyed => Volatile.Read(ref _destroyed) != 0;

    /// <summary>Contexts alive now.</summary>
    public static int LiveCount => s_registry.LiveCount;

    /// <summary>
    /// Creates and registers a context. Failure messages start with <paramref name="function"/>,
    /// the C function the host called, and name fields as <c>desc->field</c>.
    /// </summary>
    public static ReelResult Create(ContextOptions options, string function, out ReelContext? context)
    {
        context = null;
        if (!ReelVersion.Serves(options.ApiVersion))
        {
            return LastError.Set(ReelResult.ErrorIncompatibleVersion,
                $"{function}: desc->api_version is {ReelVersion.Format(options.ApiVersion)} but this libreel is {ReelVersion.Text}; " +
                $"it serves hosts built for {ReelVersion.Major}.0 up to {ReelVersion.Major}.{ReelVersion.Minor}" +
                (ReelVersion.Major == 0 ? " (during 0.x each minor adds functions)" : ""));
        }

        var created = new ReelContext(options);
        if (!s_registry.TryAdd(created, out Handle handle))
        {
            return LastError.Set(ReelResult.ErrorLimitReached,
                $"{function}: {MaxLiveContexts} contexts are alive, the most Reel allows; destroy one first");
        }
        created.Handle = handle;
        created.Log.Write(LogLevel.Info,
            $"context created: libreel {ReelVersion.Text}, host api {ReelVersion.Format(created.ApiVersion)}, " +
            $"allocator {(created.Allocator.IsHost ? "host" : "system")}, log level {created.Log.Level}");
        context = created;
        return ReelResult.Success;
    }

    /// <summary>Resolves a handle to a live context without locking.</summary>
    public static HandleError TryResolve(Handle handle, out ReelContext? context) =>
        s_registry.TryGet(handle, out context);

    /// <summary>
    /// Unregisters and tears down the context of <paramref name="handle"/>; the handle is
    /// stale afterwards. NULL does nothing. Failure messages start with <paramref name="function"/>.
    /// </summary>
    public static ReelResult Destroy(Handle handle, string function)
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = s_registry.TryRemove(handle, out ReelContext? context);
        if (error != HandleError.None)
        {
            return LastError.Set(ReelResult.ErrorInvalidHandle,
                $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Context, "context"));
        }
        Volatile.Write(ref context!._destroyed, 1);
        Pool[] pools;
        lock (context._poolsLock)
        {
            pools = context._pools;
            context._pools = [];
        }
        foreach (Pool pool in pools)
        {
            if (PoolRegistry.RemovePool(pool.Handle, out _) == HandleError.None)
                pool.DestroySlotPools();
        }
        context.Log.Write(LogLevel.Info, pools.Length == 0
            ? "context destroyed"
            : $"context destroyed with {pools.Length} pool(s) still alive; they were destroyed with it");
        return ReelResult.Success;
    }

    /// <summary>
    /// Advances the frame clock and trims buffers that have been idle longer than their
    /// pool's trim age. Returns the new frame number. No allocation, no lock held while trimming.
    /// </summary>
    public long AdvanceFrame()
    {
        long frame = Clock.Advance();
        foreach (Pool pool in Volatile.Read(ref _pools))
            pool.OnFrame(frame);
        return frame;
    }

    /// <summary>Adds a newly created pool to the context.</summary>
    internal void AddPool(Pool pool)
    {
        lock (_poolsLock)
        {
            Pool[] pools = _pools;
            Array.Resize(ref pools, pools.Length + 1);
            pools[^1] = pool;
            Volatile.Write(ref _pools, pools);
        }
    }

    /// <summary>Removes a destroyed pool from the context.</summary>
    internal void RemovePool(Pool pool)
    {
        lock (_poolsLock)
        {
            int index = Array.IndexOf(_pools, pool);
            if (index < 0)
                return;
            var pools = new Pool[_pools.Length - 1];
            Array.Copy(_pools, 0, pools, 0, index);
            Array.Copy(_pools, index + 1, pools, index, pools.Length - index);
            Volatile.Write(ref _pools, pools);
        }
    }
}
