using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Native.Interop;
using Reel.Telemetry;
using Reel.Time;

namespace Reel.Native.Exports;

/// <summary>reel_context_create, reel_context_destroy.</summary>
internal static unsafe class ContextExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_context_create")]
    public static ReelResult Create(reel_context_desc_t* desc, ulong* outContext)
    {
        const string Function = "reel_context_create";
        try
        {
            return CreateChecked(desc, outContext, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_advance_frame")]
    public static ReelResult AdvanceFrame(ulong context, ulong* outFrame)
    {
        const string Function = "reel_context_advance_frame";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? resolved);
            if (result != ReelResult.Success)
                return result;
            long frame = resolved!.AdvanceFrame();
            if (outFrame != null)
                *outFrame = (ulong)frame;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_destroy")]
    public static ReelResult Destroy(ulong context)
    {
        const string Function = "reel_context_destroy";
        try
        {
            return ReelContext.Destroy(new Handle(context), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateChecked(reel_context_desc_t* desc, ulong* outContext, string function)
    {
        if (desc == null)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc is NULL; pass a reel_context_desc_t (reel_context_desc_default() gives the defaults)");
        }
        ReelResult result = Arguments.NotNull(outContext, function, "out_context");
        if (result != ReelResult.Success || (result = VersionedStruct.Read(desc, function, "desc", out reel_context_desc_t d)) != ReelResult.Success)
            return result;

        result = ReadOptions(in d, function, out ContextOptions? options);
        if (result != ReelResult.Success)
            return result;

        result = ReelContext.Create(options!, function, out ReelContext? context);
        if (result == ReelResult.Success)
            *outContext = context!.Handle.Value;
        return result;
    }

    /// <summary>Checks the well-formedness of every field and converts them to engine options.</summary>
    private static ReelResult ReadOptions(in reel_context_desc_t d, string function, out ContextOptions? options)
    {
        options = null;
        ReelResult result = Arguments.Reserved(d.reserved, function, "desc->reserved");
        if (result != ReelResult.Success)
            return result;

        if ((d.allocator.alloc == null) != (d.allocator.free == null))
        {
            string set = d.allocator.alloc != null ? "alloc" : "free";
            string missing = d.allocator.alloc != null ? "free" : "alloc";
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->allocator.{set} is set but desc->allocator.{missing} is NULL; set both or neither");
        }

        LogLevel level = d.log_level == 0 ? ContextOptions.DefaultLogLevel : d.log_level;
        if (level is < LogLevel.Error or > LogLevel.Trace)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->log_level is {(int)d.log_level}; allowed REEL_LOG_LEVEL_ERROR (1) to " +
                "REEL_LOG_LEVEL_TRACE (5), or 0 for REEL_LOG_LEVEL_WARNING");
        }

        result = Arguments.Name(d.name, function, "desc->name", out string? name);
        if (result != ReelResult.Success)
            return result;

        result = ReadTelemetry(in d.telemetry, function, out TelemetryOptions? telemetry);
        if (result != ReelResult.Success)
            return result;

        options = new ContextOptions
        {
            ApiVersion = d.api_version,
            Name = name ?? ContextOptions.DefaultName,
            Allocator = d.allocator.alloc == null
                ? UnmanagedAllocator.System
                : new UnmanagedAllocator(d.allocator.alloc, d.allocator.free, d.allocator.user_data),
            LogCallback = new LogCallback(d.log_callback, d.log_user_data),
            LogLevel = level,
            Time = d.telemetry.time_callback == null
                ? MonotonicTimeSource.Instance
                : new HostTimeSource(d.telemetry.time_callback, d.telemetry.time_user_data),
            Telemetry = telemetry!,
            Events = d.telemetry.leak_callback == null && d.telemetry.pressure_callback == null
                ? null
                : new HostContextEvents(in d.telemetry),
        };
        return ReelResult.Success;
    }

    /// <summary>Checks <c>desc->telemetry</c> and applies its defaults.</summary>
    private static ReelResult ReadTelemetry(in reel_telemetry_config_t t, string function, out TelemetryOptions? options)
    {
        options = null;
        const string Where = "desc->telemetry.";
        ReelResult result = Arguments.Reserved(t.reserved, function, Where + "reserved");
        if (result != ReelResult.Success)
            return result;
        uint capacity = t.snapshot_capacity == 0 ? TelemetryOptions.DefaultSnapshotCapacity : t.snapshot_capacity;
        if (capacity > 1_000_000)
            return Invalid(function, $"{Where}snapshot_capacity is {capacity}; allowed 1 to 1000000, or 0 for {TelemetryOptions.DefaultSnapshotCapacity}");
        uint window = t.leak_window == 0 ? TelemetryOptions.DefaultLeakWindow : t.leak_window;
        if (window is < 3 or > 1000 || window > capacity)
            return Invalid(function, $"{Where}leak_window is {window}; allowed 3 to 1000 and at most snapshot_capacity ({capacity}), or 0 for {TelemetryOptions.DefaultLeakWindow}");
        uint medium = t.pressure_medium_percent == 0 ? TelemetryOptions.DefaultMediumPercent : t.pressure_medium_percent;
        uint high = t.pressure_high_percent == 0 ? Math.Max(TelemetryOptions.DefaultHighPercent, medium) : t.pressure_high_percent;
        if (medium > 100)
            return Invalid(function, $"{Where}pressure_medium_percent is {medium}; allowed 1 to 100, or 0 for {TelemetryOptions.DefaultMediumPercent}");
        if (high < medium || high > 100)
            return Invalid(function, $"{Where}pressure_high_percent is {high}; allowed pressure_medium_percent ({medium}) to 100, or 0 for {TelemetryOptions.DefaultHighPercent}");
        options = new TelemetryOptions
        {
            SnapshotIntervalMs = t.snapshot_interval_ms == 0 ? TelemetryOptions.DefaultSnapshotIntervalMs : t.snapshot_interval_ms,
            SnapshotCapacity = capacity,
            LeakWindow = window,
            LeakWarmupSnapshots = t.leak_warmup_snapshots == 0 ? window : t.leak_warmup_snapshots,
            LeakThresholdBytesPerMinute = t.leak_threshold_bytes_per_minute == 0 ? TelemetryOptions.DefaultLeakThreshold : t.leak_threshold_bytes_per_minute,
            MemoryBudget = t.memory_budget,
            PressureMediumPercent = medium,
            PressureHighPercent = high,
            StagingIdleMs = t.staging_idle_ms == 0 ? TelemetryOptions.DefaultStagingIdleMs : t.staging_idle_ms,
        };
        return ReelResult.Success;
    }

    private static ReelResult Invalid(string function, string message) =>
        LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {message}");
}
