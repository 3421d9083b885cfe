using System;
using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Lifetime;
using Reel.Logging;
using Reel.Memory;
using Reel.Pools;
using Reel.Reports;
using Reel.Telemetry;
using Reel.Time;

namespace Reel.Context;

/// <summary>
/// The root object of the C API (<c>reel_context_t</c>): owns the allocator, logger, time
/// source, frame clock, memory accounting, telemetry, deferred releases and pools that
/// everything created from it uses.
/// </summary>
public sealed partial class ReelContext
{
    /// <summary>Most contexts alive at once (REEL_ERROR_LIMIT_REACHED beyond).</summary>
    public const int MaxLiveContexts = 4096;

    /// <summary>Every live context, by handle.</summary>
    private static readonly HandleTable<ReelContext> s_registry = new(HandleType.Context, MaxLiveContexts);

    /// <summary>1 once destroyed; read by operations that may race with destruction.</summary>
    private int _destroyed;

    /// <summary>Guards changes of <see cref="_pools"/> and <see cref="_draining"/>.</summary>
    private readonly object _poolsLock = new();

    /// <summary>The context's live pools; replaced (copy on write) so the frame clock iterates without locking or allocating.</summary>
    private Pool[] _pools = [];

    /// <summary>Destroyed pools whose buffers are still out: reports and snapshots still list them.</summary>
    private readonly List<Pool> _draining = new();

    /// <summary>Backend objects that hear the frame clock (copy on write, like <see cref="_pools"/>); guarded by _poolsLock.</summary>
    private IContextAttachment[] _attachments = [];

    private ReelContext(ContextOptions options)
    {
        Name = options.Name;
        ApiVersion = options.ApiVersion == 0 ? ReelVersion.Packed : options.ApiVersion;
        Allocator = options.Allocator;
        Log = new Logger(options.LogCallback, options.LogLevel, options.Name);
        Time = options.Time;
        Clock = new FrameClock(Time.NowNanoseconds);
        Telemetry = new ContextTelemetry(this, options.Telemetry, options.Events);
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

    /// <summary>Where time comes from.</summary>
    public TimeSource Time { get; }

    /// <summary>The frame clock the host drives with reel_context_advance_frame.</summary>
    public FrameClock Clock { get; }

    /// <summary>Exact bytes held per category.</summary>
    public MemoryAccounting Memory { get; } = new();

    /// <summary>Snapshots, leak detector, pressure.</summary>
    public ContextTelemetry Telemetry { get; }

    /// <summary>Releases waiting for frames or timeline values.</summary>
    public DeferredQueue Deferred { get; } = new();

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
    /// Unregisters and tears down the context of <paramref name="handle"/>: flushes deferred
    /// releases, logs every buffer still out (never aborts), destroys its pools. The handle is
    /// stale afterwards. NULL does nothing.
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
        context!.Teardown();
        return ReelResult.Success;
    }

    /// <summary>
    /// Advances the frame clock: due deferred releases run, idle buffers past their pool's age
    /// are trimmed, a snapshot is taken when the interval has passed, pressure is evaluated.
    /// Returns the new frame number.
    /// </summary>
    public long AdvanceFrame()
    {
        long now = Time.NowNanoseconds;
        long frame = Clock.Advance(now);
        Deferred.Process(frame);
        foreach (IContextAttachment attachment in Volatile.Read(ref _attachments))
            attachment.OnFrame(frame, now);
        foreach (Pool pool in Volatile.Read(ref _pools))
            pool.OnFrame(frame, now);
        Telemetry.Tick(now);
        return frame;
    }

    /// <summary>
    /// Attaches a backend object: it hears every frame tick and is torn down with the context.
    /// False (nothing attached) when the context is already destroyed.
    /// </summary>
    public bool Attach(IContextAttachment attachment)
    {
        lock (_poolsLock)
        {
            if (IsDestroyed)
                return false;
            IContextAttachment[] attachments = _attachments;
            Array.Resize(ref attachments, attachments.Length + 1);
            attachments[^1] = attachment;
            Volatile.Write(ref _attachments, attachments);
            return true;
        }
    }

    /// <summary>Detaches an object (destroyed by the host before the context); unknown objects are ignored.</summary>
    public void Detach(IContextAttachment attachment)
    {
        lock (_poolsLock)
        {
            int index = Array.IndexOf(_attachments, attachment);
            if (index < 0)
                return;
            var attachments = new IContextAttachment[_attachments.Length - 1];
            Array.Copy(_attachments, 0, attachments, 0, index);
            Array.Copy(_attachments, index + 1, attachments, index, attachments.Length - index);
            Volatile.Write(ref _attachments, attachments);
        }
    }

    /// <summary>Called by a pool after it allocated (outside its lock): the budget may be crossed.</summary>
    internal void AfterMemoryGrowth() => Telemetry.EvaluatePressure();

    /// <summary>Live pools plus destroyed pools still waiting for buffers to come back.</summary>
    public List<Pool> PoolsIncludingDraining()
    {
        lock (_poolsLock)
        {
            var all = new List<Pool>(_pools);
            all.AddRange(_draining);
            return all;
        }
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

    /// <summary>Moves a destroyed pool out of the live list; it stays listed as draining while buffers are out.</summary>
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
            if (pool.InUse > 0)
                _draining.Add(pool);
        }
    }

    /// <summary>A destroyed pool got its last buffer back.</summary>
    internal void OnPoolDrained(Pool pool)
    {
        lock (_poolsLock)
            _draining.Remove(pool);
    }

    private void Teardown()
    {
        IContextAttachment[] attachments;
        lock (_poolsLock)
        {
            Volatile.Write(ref _destroyed, 1);
            attachments = _attachments;
            _attachments = [];
        }
        // Backends first: a GPU device waits for its work, so what the GPU read may be released below.
        foreach (IContextAttachment attachment in attachments)
            attachment.OnContextDestroyed();
        int deferred = Deferred.Flush();
        List<OutstandingBuffer> outstanding = OutstandingBuffers.Collect(this);
        Pool[] pools;
        lock (_poolsLock)
        {
            pools = _pools;
            _pools = [];
        }
        if (outstanding.Count > 0 && Log.IsEnabled(LogLevel.Warning))
            Log.Write(LogLevel.Warning, OutstandingBuffers.Describe(outstanding, "context destroyed with"));
        foreach (Pool pool in pools)
        {
            if (PoolRegistry.RemovePool(pool.Handle, out _) == HandleError.None)
                pool.DestroySlotPools();
        }
        Log.Write(LogLevel.Info, $"context destroyed ({pools.Length} pool(s), {deferred} deferred release(s) flushed, " +
            $"{outstanding.Count} buffer(s) still out)");
    }
}
