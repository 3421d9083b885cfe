using System;
using System.Runtime.InteropServices;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A Reel context (<c>reel_context_t</c>): the root that owns pools, sessions, caches and
/// files made from it, its log callback, the frame clock and memory accounting. Most hosts
/// need one. Disposing it destroys everything made from it (buffers still out stay valid
/// until released); objects made from it keep it reachable, so it is never finalized while
/// one of them is in use.
/// </summary>
/// <remarks>
/// Thread safety: every method is safe from any thread, except that <see cref="Dispose"/>
/// must not race with other calls on the context (reel.h, section 4). The log callback is
/// called on the thread whose Reel call logs (for asynchronous work, a Reel worker thread),
/// possibly from several threads at once, never while Reel holds a lock; an exception it
/// throws is swallowed, since it cannot cross into Reel.
/// </remarks>
public sealed unsafe class ReelContext : IDisposable
{
    private readonly ObjectHandle _handle;

    private ReelContext(ObjectHandle handle) => _handle = handle;

    /// <summary>Creates a context with the defaults of <c>reel_context_desc_default()</c>.</summary>
    /// <param name="name">label in log messages and stats, at most 63 bytes of UTF-8; null = "reel".</param>
    /// <param name="log">receives each message up to <paramref name="logLevel"/>; null = no logging.</param>
    /// <param name="logLevel">the most verbose level delivered; 0 = <c>REEL_LOG_LEVEL_WARNING</c>.</param>
    /// <exception cref="ReelException">the name is too long, the level out of range, 4096 contexts are alive ...</exception>
    public static ReelContext Create(string? name = null, Action<reel_log_level_t, string>? log = null,
                                     reel_log_level_t logLevel = 0)
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.log_level = logLevel;
        return Create(desc, name, log);
    }

    /// <summary>
    /// Creates a context from a full description (telemetry, budget, a host allocator ...).
    /// Its <c>name</c> and <c>log_callback</c> fields are the host's own (pointers it keeps
    /// valid); pass <paramref name="name"/> and <paramref name="log"/> to have them set here.
    /// </summary>
    /// <param name="desc">start from <c>ReelNative.reel_context_desc_default()</c>.</param>
    /// <param name="name">replaces desc.name when not null.</param>
    /// <param name="log">replaces desc.log_callback and log_user_data when not null.</param>
    /// <exception cref="ReelException">reel_context_create refused the description.</exception>
    public static ReelContext Create(reel_context_desc_t desc, string? name = null, Action<reel_log_level_t, string>? log = null)
    {
        byte[]? utf8Name = Utf8.Terminated(name, nameof(name));
        GCHandle callback = default;
        if (log is not null)
        {
            callback = GCHandle.Alloc(log);
            desc.log_callback = &OnLog;
            desc.log_user_data = (void*)GCHandle.ToIntPtr(callback);
        }
        reel_context_t context;
        reel_result_t result;
        fixed (byte* namePointer = utf8Name)
        {
            if (utf8Name is not null)
                desc.name = namePointer;
            result = ReelNative.reel_context_create(&desc, &context);
        }
        if (result != reel_result_t.REEL_SUCCESS)
        {
            ReelException failure = Results.Failure(result);
            if (callback.IsAllocated)
                callback.Free();
            throw failure;
        }
        return new ReelContext(new ObjectHandle(context.Value, &Destroy,
            callback.IsAllocated ? GCHandle.ToIntPtr(callback) : 0));
    }

    /// <summary>Ticks the frame clock (<c>reel_context_advance_frame</c>): once per produced or presented frame; idle buffers older than their pool's trim period are freed on this thread.</summary>
    /// <returns>the new frame number.</returns>
    public ulong AdvanceFrame()
    {
        using var use = _handle.Use();
        ulong frame;
        Results.Check(ReelNative.reel_context_advance_frame(new reel_context_t(use.Value), &frame));
        return frame;
    }

    /// <summary>The context's memory accounting now (<c>reel_context_get_memory</c>); cheap enough for every frame.</summary>
    public reel_memory_stats_t GetMemory()
    {
        using var use = _handle.Use();
        reel_memory_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_memory_stats_t);
        Results.Check(ReelNative.reel_context_get_memory(new reel_context_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Sets the budget pressure levels are measured against (<c>reel_context_set_memory_budget</c>); 0 removes it.</summary>
    public void SetMemoryBudget(ulong budgetBytes)
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_context_set_memory_budget(new reel_context_t(use.Value), budgetBytes));
    }

    /// <summary>Takes a memory snapshot now and runs the leak detector (<c>reel_context_take_snapshot</c>).</summary>
    public void TakeSnapshot()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_context_take_snapshot(new reel_context_t(use.Value)));
    }

    /// <summary>One JSON document of the whole context (<c>reel_stats_json</c>): memory, pools, snapshots, alerts. For diagnostics, not every frame.</summary>
    /// <param name="flags"><c>REEL_STATS_JSON_*</c> bits; 0 for the summary.</param>
    public string GetStatsJson(uint flags = 0)
    {
        using var use = _handle.Use();
        reel_context_t context = new(use.Value);
        byte* json;
        Results.Check(ReelNative.reel_stats_json(context, flags, &json));
        try
        {
            return Utf8.Read(json);
        }
        finally
        {
            ReelNative.reel_stats_json_free(context, json);
        }
    }

    /// <summary>The number of buffers of this context still out, live and destroyed pools (<c>reel_report_outstanding</c>).</summary>
    public uint CountOutstandingBuffers()
    {
        using var use = _handle.Use();
        uint count;
        Results.Check(ReelNative.reel_report_outstanding(new reel_context_t(use.Value), null, null, &count));
        return count;
    }

    /// <summary>Takes an upload staging buffer of at least <paramref name="size"/> bytes (<c>reel_context_acquire_staging</c>).</summary>
    public ReelBuffer AcquireStaging(nuint size)
    {
        using var use = _handle.Use();
        reel_buffer_t buffer;
        Results.Check(ReelNative.reel_context_acquire_staging(new reel_context_t(use.Value), size, &buffer));
        return new ReelBuffer(buffer, ReelBufferKind.Bytes, this);
    }

    /// <summary>
    /// Keeps <paramref name="count"/> idle encoders of <paramref name="settings"/>'s
    /// configuration ready (<c>reel_encoder_pool_reserve</c>): <see cref="ReelEncoder.Create"/>
    /// with the same settings then starts at once. 0 releases the configuration.
    /// </summary>
    public void ReserveEncoders(reel_encoder_desc_t settings, uint count)
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_encoder_pool_reserve(new reel_context_t(use.Value), &settings, count));
    }

    /// <summary>The encoder pool's counters (<c>reel_encoder_pool_get_stats</c>).</summary>
    public reel_encoder_pool_stats_t GetEncoderPoolStats()
    {
        using var use = _handle.Use();
        reel_encoder_pool_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_encoder_pool_stats_t);
        Results.Check(ReelNative.reel_encoder_pool_get_stats(new reel_context_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Destroys the context and everything made from it (<c>reel_context_destroy</c>).</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Borrows the handle for a call made by an object of this context.</summary>
    internal ObjectHandle.Borrowed Use() => _handle.Use();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_context_destroy(new reel_context_t(handle));

    [UnmanagedCallersOnly]
    private static void OnLog(void* userData, reel_log_level_t level, byte* message)
    {
        try
        {
            var log = (Action<reel_log_level_t, string>)GCHandle.FromIntPtr((nint)userData).Target!;
            log(level, Utf8.Read(message));
        }
        catch (Exception)
        {
            // An exception must not unwind into libreel; the host's logger failing is its own affair.
        }
    }
}
