using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Vulkan.Sync;

namespace Reel.Vulkan.Api;

/// <summary>
/// The CPU timelines of one context: created, destroyed by the host, and invalidated with the
/// context (their handles become stale when it is destroyed, like every object of a context).
/// </summary>
internal sealed class ContextTimelines : IContextAttachment
{
    private static readonly ConditionalWeakTable<ReelContext, ContextTimelines> s_byContext = new();
    private static readonly Lock s_attachLock = new();

    private readonly Lock _lock = new();
    private readonly HashSet<TimelineObject> _timelines = new();
    private bool _destroyed;

    /// <summary>Creates a CPU timeline at <paramref name="initialValue"/> in <paramref name="context"/>.</summary>
    public static ReelResult Create(ReelContext context, ulong initialValue, string function, out TimelineObject? timeline)
    {
        timeline = null;
        ContextTimelines? owner = For(context);
        if (owner is null)
            return LastError.Set(ReelResult.ErrorBadState, $"{function}: the context is being destroyed");
        var created = new TimelineObject(new CpuTimelineObject(initialValue), context, null, isQueueTimeline: false);
        lock (owner._lock)
        {
            if (owner._destroyed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the context is being destroyed");
            ReelResult result = GpuRegistry.Add(GpuRegistry.Timelines, created, function, out Handle handle);
            if (result != ReelResult.Success)
                return result;
            created.Handle = handle;
            owner._timelines.Add(created);
        }
        timeline = created;
        return ReelResult.Success;
    }

    /// <summary>Forgets a CPU timeline the host destroyed (its handle is already out of the registry).</summary>
    public static void Forget(TimelineObject timeline)
    {
        if (s_byContext.TryGetValue(timeline.Context, out ContextTimelines? owner))
        {
            lock (owner._lock)
                owner._timelines.Remove(timeline);
        }
    }

    /// <inheritdoc/>
    public void OnFrame(long frame, long nowNanoseconds)
    {
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        List<TimelineObject> timelines;
        lock (_lock)
        {
            _destroyed = true;
            timelines = new List<TimelineObject>(_timelines);
            _timelines.Clear();
        }
        foreach (TimelineObject timeline in timelines)
            GpuRegistry.Timelines.TryRemove(timeline.Handle, out _);
    }

    /// <summary>The context's timeline set, attached on first use; null when the context is being destroyed.</summary>
    private static ContextTimelines? For(ReelContext context)
    {
        lock (s_attachLock)
        {
            if (s_byContext.TryGetValue(context, out ContextTimelines? existing))
                return existing;
            var created = new ContextTimelines();
            if (!context.Attach(created))
                return null;
            s_byContext.Add(context, created);
            return created;
        }
    }
}
