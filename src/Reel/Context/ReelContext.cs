using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;

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
        context.Log.Write(LogLevel.Info, "context destroyed");
        return ReelResult.Success;
    }
}
