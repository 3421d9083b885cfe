using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Memory;
using Reel.Native.Interop;
using Reel.Pools;
using Reel.Reports;

namespace Reel.Native.Exports;

/// <summary>reel_context_get_memory/set_memory_budget/take_snapshot, reel_stats_json(_free), reel_report_outstanding.</summary>
internal static unsafe class TelemetryExports
{
    /// <summary>Bytes in front of a JSON string that remember its allocation size.</summary>
    private const int JsonHeader = 16;

    [UnmanagedCallersOnly(EntryPoint = "reel_context_get_memory")]
    public static ReelResult GetMemory(ulong context, reel_memory_stats_t* outStats)
    {
        const string Function = "reel_context_get_memory";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success)
                return result;
            MemoryAccounting memory = ctx!.Memory;
            List<Pool> pools = ctx.PoolsIncludingDraining();
            int buffersOut = 0;
            foreach (Pool pool in pools)
                buffersOut += pool.InUse;
            var stats = new reel_memory_stats_t
            {
                pressure = ctx.Telemetry.Level,
                bytes = (ulong)memory.Total,
                peak_bytes = (ulong)memory.TotalPeak,
                budget = (ulong)ctx.Telemetry.Pressure.Budget,
                frame = (ulong)ctx.Clock.Frame,
                frames_dropped = (ulong)memory.DroppedFrames,
                snapshots = (ulong)ctx.Telemetry.Snapshots.Taken,
                alerts = (ulong)ctx.Telemetry.AlertCount,
                pools = (uint)ctx.Pools.Length,
                buffers_out = (uint)buffersOut,
                deferred_pending = (uint)ctx.Deferred.Pending,
            };
            for (int c = 0; c < MemoryCategories.Count; c++)
            {
                stats.category_bytes[c] = (ulong)memory.Current((MemoryCategory)c);
                stats.category_peak_bytes[c] = (ulong)memory.Peak((MemoryCategory)c);
            }
            return VersionedStruct.Write(outStats, in stats, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_set_memory_budget")]
    public static ReelResult SetMemoryBudget(ulong context, ulong budgetBytes)
    {
        const string Function = "reel_context_set_memory_budget";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success)
                return result;
            ctx!.Telemetry.Pressure.Budget = (long)Math.Min(budgetBytes, long.MaxValue);
            ctx.Telemetry.EvaluatePressure();
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_take_snapshot")]
    public static ReelResult TakeSnapshot(ulong context)
    {
        const string Function = "reel_context_take_snapshot";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success)
                return result;
            ctx!.Telemetry.TakeSnapshot(ctx.Time.NowNanoseconds);
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_stats_json")]
    public static ReelResult StatsJsonExport(ulong context, uint flags, byte** outJson)
    {
        const string Function = "reel_stats_json";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result == ReelResult.Success)
                result = Arguments.NotNull(outJson, Function, "out_json");
            if (result != ReelResult.Success)
                return result;
            const uint Known = StatsJson.IncludeOutstanding | StatsJson.IncludeSnapshots;
            if ((flags & ~Known) != 0)
            {
                return LastError.Set(ReelResult.ErrorInvalidArgument,
                    $"{Function}: flags is 0x{flags:x}; known bits are REEL_STATS_JSON_OUTSTANDING (0x1) and REEL_STATS_JSON_SNAPSHOTS (0x2)");
            }
            byte[] json = StatsJson.Write(ctx!, flags);
            nuint size = (nuint)(JsonHeader + json.Length + 1);
            byte* block = (byte*)ctx!.Allocator.Allocate(size, 16);
            if (block == null)
                return LastError.Set(ReelResult.ErrorOutOfMemory, $"{Function}: the allocator returned NULL for {size} bytes");
            *(nuint*)block = size;
            json.CopyTo(new Span<byte>(block + JsonHeader, json.Length));
            block[JsonHeader + json.Length] = 0;
            *outJson = block + JsonHeader;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_stats_json_free")]
    public static ReelResult StatsJsonFree(ulong context, byte* json)
    {
        const string Function = "reel_stats_json_free";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success || json == null)
                return result;
            byte* block = json - JsonHeader;
            ctx!.Allocator.Free(block, *(nuint*)block, 16);
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_report_outstanding")]
    public static ReelResult ReportOutstanding(ulong context, delegate* unmanaged<void*, reel_outstanding_buffer_t*, void> callback, void* userData, uint* outCount)
    {
        const string Function = "reel_report_outstanding";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success)
                return result;
            List<OutstandingBuffer> buffers = OutstandingBuffers.Collect(ctx!);
            if (callback != null)
            {
                foreach (OutstandingBuffer buffer in buffers)
                    Deliver(callback, userData, buffer);
            }
            if (outCount != null)
                *outCount = (uint)buffers.Count;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static void Deliver(delegate* unmanaged<void*, reel_outstanding_buffer_t*, void> callback, void* userData, OutstandingBuffer buffer)
    {
        Span<byte> name = stackalloc byte[Encoding.UTF8.GetMaxByteCount(buffer.PoolName.Length) + 1];
        int length = Encoding.UTF8.GetBytes(buffer.PoolName, name);
        name[length] = 0;
        fixed (byte* text = name)
        {
            var desc = new reel_outstanding_buffer_t
            {
                struct_size = (uint)sizeof(reel_outstanding_buffer_t),
                pool_name = text,
                pool = buffer.PoolHandle,
                buffer = buffer.Buffer,
                bytes = buffer.Bytes,
                acquired_at_frame = (ulong)buffer.AcquiredAtFrame,
                age_frames = (ulong)buffer.AgeFrames,
                tag = buffer.Tag,
                pts = buffer.Pts,
            };
            callback(userData, &desc);
        }
    }
}
