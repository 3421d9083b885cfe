using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A CPU timeline (<c>reel_timeline_t</c>): a 64-bit value that only rises, which the host
/// signals and waits on, and which can key the release of a buffer
/// (<see cref="ReelBuffer.ReleaseAfter"/>).
/// </summary>
/// <remarks>Thread safety: safe from any thread; do not dispose it while another thread waits on it.</remarks>
public sealed unsafe class ReelTimeline : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelTimeline(reel_timeline_t timeline, ReelContext context)
    {
        _handle = new ObjectHandle(timeline.Value, &Destroy);
        _context = context;
    }

    /// <summary>The context the timeline belongs to (kept reachable while the timeline is).</summary>
    public ReelContext Context => _context;

    /// <summary>Creates a CPU timeline at <paramref name="initialValue"/> (<c>reel_timeline_create</c>).</summary>
    public static ReelTimeline Create(ReelContext context, ulong initialValue = 0)
    {
        ArgumentNullException.ThrowIfNull(context);
        reel_timeline_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_timeline_desc_t);
        desc.initial_value = initialValue;
        using var use = context.Use();
        reel_timeline_t timeline;
        Results.Check(ReelNative.reel_timeline_create(new reel_context_t(use.Value), &desc, &timeline));
        return new ReelTimeline(timeline, context);
    }

    /// <summary>The current value (<c>reel_timeline_get_value</c>).</summary>
    public ulong Value
    {
        get
        {
            using var use = _handle.Use();
            ulong value;
            Results.Check(ReelNative.reel_timeline_get_value(new reel_timeline_t(use.Value), &value));
            return value;
        }
    }

    /// <summary>Raises the timeline to <paramref name="value"/> (<c>reel_timeline_signal</c>); waiters of values up to it wake.</summary>
    /// <exception cref="ReelException">value below the current value.</exception>
    public void Signal(ulong value)
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_timeline_signal(new reel_timeline_t(use.Value), value));
    }

    /// <summary>Blocks until the timeline reaches <paramref name="value"/> (<c>reel_timeline_wait</c>).</summary>
    /// <param name="value">the value to wait for.</param>
    /// <param name="timeoutNs">0 polls; <see cref="ulong.MaxValue"/> waits without limit.</param>
    /// <returns>true when reached, false when the timeout passed first.</returns>
    public bool Wait(ulong value, ulong timeoutNs)
    {
        using var use = _handle.Use();
        return Results.Check(ReelNative.reel_timeline_wait(new reel_timeline_t(use.Value), value, timeoutNs)) == reel_result_t.REEL_SUCCESS;
    }

    /// <summary>Destroys the timeline (<c>reel_timeline_destroy</c>); releases keyed on it count it as reached.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Borrows the handle for a call that keys on this timeline.</summary>
    internal ObjectHandle.Borrowed Use() => _handle.Use();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_timeline_destroy(new reel_timeline_t(handle));
}
