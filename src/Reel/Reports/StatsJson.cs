using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Memory;
using Reel.Pools;
using Reel.Telemetry;

namespace Reel.Reports;

/// <summary>
/// One JSON document of a whole context (<c>reel_stats_json</c>), like VMA's stats string:
/// version, clock, memory by category with budget and pressure, live object counts, every
/// pool with its stats (and size classes), the snapshot summary, alerts, deferred releases,
/// and optionally every buffer still out.
/// </summary>
public static class StatsJson
{
    /// <summary>REEL_STATS_JSON_OUTSTANDING: also list every buffer still out.</summary>
    public const uint IncludeOutstanding = 1;

    /// <summary>REEL_STATS_JSON_SNAPSHOTS: also list every snapshot in the ring.</summary>
    public const uint IncludeSnapshots = 2;

    /// <summary>Builds the document as UTF-8.</summary>
    public static byte[] Write(ReelContext context, uint flags)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("reel_version", ReelVersion.Text);
            WriteContext(json, context);
            WriteMemory(json, context);
            WriteObjects(json, context);
            WritePools(json, context);
            WriteSnapshots(json, context, (flags & IncludeSnapshots) != 0);
            WriteAlerts(json, context);
            json.WriteNumber("deferred_pending", context.Deferred.Pending);
            if ((flags & IncludeOutstanding) != 0)
                WriteOutstanding(json, context);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteContext(Utf8JsonWriter json, ReelContext context)
    {
        json.WriteStartObject("context");
        json.WriteString("name", context.Name);
        json.WriteString("handle", context.Handle.ToString());
        json.WriteString("api_version", ReelVersion.Format(context.ApiVersion));
        json.WriteNumber("frame", context.Clock.Frame);
        json.WriteNumber("time_ns", context.Time.NowNanoseconds);
        json.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter json, ReelContext context)
    {
        MemoryAccounting memory = context.Memory;
        json.WriteStartObject("memory");
        json.WriteNumber("bytes", memory.Total);
        json.WriteNumber("peak_bytes", memory.TotalPeak);
        json.WriteNumber("budget_bytes", context.Telemetry.Pressure.Budget);
        json.WriteString("pressure", context.Telemetry.Level.ToString().ToUpperInvariant());
        json.WriteNumber("frames_dropped", memory.DroppedFrames);
        json.WriteNumber("managed_heap_bytes", GC.GetTotalMemory(false));
        json.WriteStartObject("categories");
        for (int c = 0; c < MemoryCategories.Count; c++)
        {
            var category = (MemoryCategory)c;
            json.WriteStartObject(MemoryCategories.Name(category));
            json.WriteNumber("bytes", memory.Current(category));
            json.WriteNumber("peak_bytes", memory.Peak(category));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteObjects(Utf8JsonWriter json, ReelContext context)
    {
        List<Pool> pools = context.PoolsIncludingDraining();
        int buffersOut = 0;
        foreach (Pool pool in pools)
            buffersOut += pool.InUse;
        json.WriteStartObject("objects");
        json.WriteNumber("contexts", ReelContext.LiveCount);
        json.WriteNumber("pools", context.Pools.Length);
        json.WriteNumber("pools_draining", pools.Count - context.Pools.Length);
        json.WriteNumber("buffers_out", buffersOut);
        json.WriteEndObject();
    }

    private static void WritePools(Utf8JsonWriter json, ReelContext context)
    {
        json.WriteStartArray("pools");
        foreach (Pool pool in context.PoolsIncludingDraining())
        {
            json.WriteStartObject();
            json.WriteString("name", pool.Name);
            json.WriteString("handle", pool.Handle.ToString());
            json.WriteString("kind", pool.Kind.ToString().ToLowerInvariant());
            json.WriteString("category", MemoryCategories.Name(pool.Category));
            json.WriteBoolean("destroyed", PoolRegistry.TryResolve(pool.Handle, out _) != HandleError.None);
            WritePoolShape(json, pool);
            WriteStats(json, "stats", pool.GetStats());
            if (pool.SlotPools.Length > 1)
            {
                json.WriteStartArray("classes");
                foreach (SlotPool slotPool in pool.SlotPools)
                {
                    json.WriteStartObject();
                    json.WriteNumber("size", (ulong)slotPool.BufferSize);
                    WriteStats(json, "stats", slotPool.GetStats());
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePoolShape(Utf8JsonWriter json, Pool pool)
    {
        switch (pool)
        {
            case FramePool frames:
                json.WriteString("format", frames.Layout.Format.ToString().ToUpperInvariant());
                json.WriteNumber("width", frames.Layout.Width);
                json.WriteNumber("height", frames.Layout.Height);
                break;
            case AudioPool audio:
                json.WriteString("format", audio.Format.ToString().ToUpperInvariant());
                json.WriteNumber("channels", audio.Channels);
                json.WriteNumber("samples", audio.Samples);
                break;
            case BytePool bytes:
                json.WriteNumber("min_class_size", bytes.MinClassSize);
                json.WriteNumber("max_class_size", bytes.MaxClassSize);
                break;
        }
        json.WriteNumber("buffer_bytes", (ulong)pool.SlotPools[0].BufferSize);
    }

    private static void WriteStats(Utf8JsonWriter json, string name, PoolStats stats)
    {
        json.WriteStartObject(name);
        json.WriteNumber("capacity", stats.Capacity);
        json.WriteNumber("allocated", stats.Allocated);
        json.WriteNumber("available", stats.Available);
        json.WriteNumber("in_use", stats.InUse);
        json.WriteNumber("peak_in_use", stats.PeakInUse);
        json.WriteNumber("acquires", stats.Acquires);
        json.WriteNumber("releases", stats.Releases);
        json.WriteNumber("misses", stats.Misses);
        json.WriteNumber("waits", stats.Waits);
        json.WriteNumber("wait_ns", stats.WaitNanoseconds);
        json.WriteNumber("grows_past_cap", stats.GrowsPastCap);
        json.WriteNumber("trims", stats.Trims);
        json.WriteNumber("bytes_held", stats.BytesHeld);
        json.WriteEndObject();
    }

    private static void WriteSnapshots(Utf8JsonWriter json, ReelContext context, bool all)
    {
        ContextTelemetry telemetry = context.Telemetry;
        json.WriteStartObject("snapshots");
        lock (telemetry.Lock)
        {
            SnapshotRing ring = telemetry.Snapshots;
            json.WriteNumber("count", ring.Count);
            json.WriteNumber("taken", ring.Taken);
            json.WriteNumber("capacity", ring.Capacity);
            json.WriteNumber("interval_ms", telemetry.Options.SnapshotIntervalMs);
            if (ring.Count > 0)
            {
                long min = long.MaxValue, max = long.MinValue;
                for (int i = 0; i < ring.Count; i++)
                {
                    min = Math.Min(min, ring[i].TotalBytes);
                    max = Math.Max(max, ring[i].TotalBytes);
                }
                json.WriteNumber("first_time_ns", ring[0].TimeNs);
                json.WriteNumber("last_time_ns", ring[ring.Count - 1].TimeNs);
                json.WriteNumber("total_bytes_min", min);
                json.WriteNumber("total_bytes_max", max);
                json.WriteNumber("total_bytes_last", ring[ring.Count - 1].TotalBytes);
                json.WriteNumber("idle_bytes_last", ring[ring.Count - 1].IdleBytes);
                if (all)
                {
                    json.WriteStartArray("items");
                    for (int i = 0; i < ring.Count; i++)
                        WriteSnapshot(json, ring[i]);
                    json.WriteEndArray();
                }
            }
        }
        json.WriteEndObject();
    }

    private static void WriteSnapshot(Utf8JsonWriter json, Snapshot snapshot)
    {
        json.WriteStartObject();
        json.WriteNumber("time_ns", snapshot.TimeNs);
        json.WriteNumber("frame", snapshot.Frame);
        json.WriteNumber("total_bytes", snapshot.TotalBytes);
        json.WriteNumber("idle_bytes", snapshot.IdleBytes);
        json.WriteNumber("buffers_out", snapshot.OutstandingBuffers);
        json.WriteNumber("frames_dropped", snapshot.FramesDropped);
        json.WriteStartObject("bytes");
        for (int c = 0; c < MemoryCategories.Count; c++)
            json.WriteNumber(MemoryCategories.Name((MemoryCategory)c), snapshot.Bytes[c]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAlerts(Utf8JsonWriter json, ReelContext context)
    {
        json.WriteNumber("alerts_raised", context.Telemetry.AlertCount);
        json.WriteStartArray("alerts");
        foreach (LeakAlert alert in context.Telemetry.Alerts())
        {
            json.WriteStartObject();
            json.WriteNumber("time_ns", alert.TimeNs);
            json.WriteNumber("frame", alert.Frame);
            json.WriteString("category", MemoryCategories.Name(alert.Category));
            json.WriteNumber("slope_bytes_per_minute", Math.Round(alert.CategorySlope));
            json.WriteNumber("trend", Math.Round(alert.Trend, 3));
            json.WriteNumber("category_bytes", alert.CategoryBytes);
            if (alert.ObjectName is not null)
            {
                json.WriteString("object", alert.ObjectName);
                json.WriteString("object_handle", $"0x{alert.ObjectHandle:x16}");
                json.WriteNumber("object_slope_bytes_per_minute", Math.Round(alert.ObjectSlope));
            }
            json.WriteStartArray("oldest_buffers_out");
            foreach (LeakSuspect suspect in alert.Suspects)
            {
                json.WriteStartObject();
                json.WriteString("tag", $"0x{suspect.Tag:x}");
                json.WriteNumber("age_frames", suspect.AgeFrames);
                json.WriteNumber("bytes", suspect.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteOutstanding(Utf8JsonWriter json, ReelContext context)
    {
        json.WriteStartArray("outstanding");
        foreach (OutstandingBuffer b in OutstandingBuffers.Collect(context))
        {
            json.WriteStartObject();
            json.WriteString("pool", b.PoolName);
            json.WriteString("buffer", $"0x{b.Buffer:x16}");
            json.WriteNumber("bytes", b.Bytes);
            json.WriteNumber("acquired_at_frame", b.AcquiredAtFrame);
            json.WriteNumber("age_frames", b.AgeFrames);
            json.WriteString("tag", $"0x{b.Tag:x}");
            json.WriteNumber("pts", b.Pts);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
