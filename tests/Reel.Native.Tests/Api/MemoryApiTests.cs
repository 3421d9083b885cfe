using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>
/// Accounting, memory pressure, stats JSON, the outstanding report, deferred release, staging
/// reclaim and the leak callback through the C ABI (issue 4), checked against what the host
/// itself can observe: its allocator's live blocks, its own counts, the JSON parsed here.
/// </summary>
public unsafe class MemoryApiTests
{
    private const int Frame = 0, Sample = 1, Bitstream = 2, Staging = 3;

    /// <summary>Blocks the host allocator handed out and not yet got back: address → size.</summary>
    private static readonly Dictionary<nint, ulong> s_hostBlocks = new();
    private static readonly List<(reel_pressure_level_t Level, ulong Bytes, ulong Budget)> s_pressure = new();
    private static readonly List<(reel_leak_alert_t Alert, string? Object)> s_alerts = new();
    private static ulong s_virtualNs;

    [UnmanagedCallersOnly]
    private static void* Alloc(void* userData, nuint size, nuint alignment)
    {
        void* memory = NativeMemory.AlignedAlloc(size, alignment);
        lock (s_hostBlocks)
            s_hostBlocks.Add((nint)memory, size);
        return memory;
    }

    [UnmanagedCallersOnly]
    private static void Free(void* userData, void* memory, nuint size, nuint alignment)
    {
        lock (s_hostBlocks)
        {
            Assert.That(s_hostBlocks.Remove((nint)memory, out ulong allocated), Is.True, "freed a block the host gave");
            Assert.That(allocated, Is.EqualTo((ulong)size), "free gets the size alloc was asked for");
        }
        NativeMemory.AlignedFree(memory);
    }

    [UnmanagedCallersOnly]
    private static void OnPressure(void* userData, reel_pressure_level_t level, ulong bytes, ulong budget) =>
        s_pressure.Add((level, bytes, budget));

    [UnmanagedCallersOnly]
    private static void OnLeak(void* userData, reel_leak_alert_t* alert) =>
        s_alerts.Add((*alert, Marshal.PtrToStringUTF8((nint)alert->object_name)));

    [UnmanagedCallersOnly]
    private static ulong VirtualNow(void* userData) => s_virtualNs;

    [SetUp]
    public void Reset()
    {
        lock (s_hostBlocks)
            s_hostBlocks.Clear();
        s_pressure.Clear();
        s_alerts.Clear();
        s_virtualNs = 0;
    }

    private static ulong HostLiveBytes()
    {
        lock (s_hostBlocks)
            return s_hostBlocks.Values.Aggregate(0UL, (sum, size) => sum + size);
    }

    private delegate void Configure(reel_context_desc_t* desc);

    private static reel_context_t Context(Configure? configure = null)
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.allocator.alloc = &Alloc;
        desc.allocator.free = &Free;
        configure?.Invoke(&desc);
        reel_context_t context;
        Assert.That(ReelNative.reel_context_create(&desc, &context), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        return context;
    }

    private static reel_memory_stats_t Memory(reel_context_t context)
    {
        var stats = new reel_memory_stats_t { struct_size = (uint)sizeof(reel_memory_stats_t) };
        Assert.That(ReelNative.reel_context_get_memory(context, &stats), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        return stats;
    }

    private static ulong StagingBytes(reel_context_t context)
    {
        reel_memory_stats_t memory = Memory(context);
        return memory.category_bytes[Staging];
    }

    private static reel_pool_stats_t PoolStats(reel_pool_t pool)
    {
        var stats = new reel_pool_stats_t { struct_size = (uint)sizeof(reel_pool_stats_t) };
        Assert.That(ReelNative.reel_pool_get_stats(pool, &stats), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        return stats;
    }

    private static reel_pool_t BytePool(reel_context_t context, string name, ulong minClass, ulong maxClass, uint max)
    {
        fixed (byte* utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0"))
        {
            var desc = new reel_byte_pool_desc_t
            {
                struct_size = (uint)sizeof(reel_byte_pool_desc_t), min_class_size = minClass, max_class_size = maxClass, name = (byte*)utf8,
            };
            desc.config.max = max;
            reel_pool_t pool;
            Assert.That(ReelNative.reel_byte_pool_create(context, &desc, &pool), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            return pool;
        }
    }

    private static reel_pool_t FramePool(reel_context_t context, string name, uint width, uint height, uint max)
    {
        fixed (byte* utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0"))
        {
            var desc = new reel_frame_pool_desc_t
            {
                struct_size = (uint)sizeof(reel_frame_pool_desc_t), format = reel_pixel_format_t.REEL_PIXEL_FORMAT_I420,
                width = width, height = height, name = (byte*)utf8,
            };
            desc.config.max = max;
            reel_pool_t pool;
            Assert.That(ReelNative.reel_frame_pool_create(context, &desc, &pool), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            return pool;
        }
    }

    private static reel_pool_t AudioPool(reel_context_t context, string name, uint channels, uint samples, uint max)
    {
        fixed (byte* utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0"))
        {
            var desc = new reel_audio_pool_desc_t
            {
                struct_size = (uint)sizeof(reel_audio_pool_desc_t), format = reel_sample_format_t.REEL_SAMPLE_FORMAT_F32,
                channels = channels, samples_per_buffer = samples, sample_rate = 48000, name = (byte*)utf8,
            };
            desc.config.max = max;
            reel_pool_t pool;
            Assert.That(ReelNative.reel_audio_pool_create(context, &desc, &pool), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            return pool;
        }
    }

    private static ulong Advance(reel_context_t context)
    {
        ulong frame;
        Assert.That(ReelNative.reel_context_advance_frame(context, &frame), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        return frame;
    }

    private sealed class PoolModel(reel_pool_t handle, int category, ulong minClass)
    {
        public reel_pool_t Handle = handle;
        public int Category = category;
        public ulong MinClass = minClass;
        public bool Destroyed;
    }

    private sealed record HeldBuffer(reel_buffer_t Buffer, PoolModel? Pool, ulong Bytes);

    /// <summary>
    /// Thousands of random creates, acquires, releases, deferred releases, trims, pool destroys
    /// with buffers out, staging uploads and frame ticks. After every step the context's
    /// accounting must equal what the host allocator holds, each category must equal its pools
    /// (live ones by their stats, destroyed ones by the buffers still out of them), and the
    /// buffers out must equal the host's own count.
    /// </summary>
    [Test]
    public void Accounting_EqualsTheHostsLiveBlocks_AfterRandomOperations()
    {
        reel_context_t context = Context();
        var random = new Random(20261121);
        var pools = new List<PoolModel>();
        var held = new List<HeldBuffer>();
        var deferred = new List<(HeldBuffer Buffer, ulong DueFrame)>();
        ulong frame = 0;
        int poolNumber = 0;

        for (int step = 0; step < 4000; step++)
        {
            int op = random.Next(100);
            List<PoolModel> live = pools.Where(p => !p.Destroyed).ToList();
            if (op < 5 && live.Count < 6)
            {
                string name = $"pool{poolNumber++}";
                switch (random.Next(3))
                {
                    case 0:
                        pools.Add(new PoolModel(FramePool(context, name, (uint)random.Next(1, 400), (uint)random.Next(1, 300), (uint)random.Next(4, 24)), Frame, 0));
                        break;
                    case 1:
                        pools.Add(new PoolModel(AudioPool(context, name, (uint)random.Next(1, 9), (uint)random.Next(1, 4096), (uint)random.Next(4, 24)), Sample, 0));
                        break;
                    default:
                        ulong min = 1UL << random.Next(8, 14);
                        pools.Add(new PoolModel(BytePool(context, name, min, 1UL << 18, (uint)random.Next(2, 8)), Bitstream, min));
                        break;
                }
            }
            else if (op < 45 && live.Count > 0)
            {
                PoolModel pool = live[random.Next(live.Count)];
                reel_buffer_t buffer;
                reel_result_t result;
                ulong bytes;
                if (pool.Category == Bitstream)
                {
                    ulong size = (ulong)random.Next(1, 1 << 18);
                    result = ReelNative.reel_pool_acquire_bytes(pool.Handle, (nuint)size, &buffer);
                    bytes = Math.Max(pool.MinClass, BitOperations.RoundUpToPowerOf2(size));
                }
                else
                {
                    result = ReelNative.reel_pool_acquire(pool.Handle, &buffer);
                    reel_pool_stats_t stats = PoolStats(pool.Handle);
                    bytes = stats.allocated == 0 ? 0 : stats.bytes_held / stats.allocated;
                }
                if (result == reel_result_t.REEL_SUCCESS)
                    held.Add(new HeldBuffer(buffer, pool, bytes));
                else
                    Assert.That(result, Is.EqualTo(reel_result_t.REEL_ERROR_LIMIT_REACHED), ReelNative.LastErrorMessage());
            }
            else if (op < 50)
            {
                reel_buffer_t buffer;
                ulong size = (ulong)random.Next(1, 300_000);
                reel_result_t result = ReelNative.reel_context_acquire_staging(context, (nuint)size, &buffer);
                if (result == reel_result_t.REEL_SUCCESS)
                    held.Add(new HeldBuffer(buffer, null, 0));
                else
                    Assert.That(result, Is.EqualTo(reel_result_t.REEL_ERROR_LIMIT_REACHED), ReelNative.LastErrorMessage());
            }
            else if (op < 75 && held.Count > 0)
            {
                int index = random.Next(held.Count);
                Assert.That(ReelNative.reel_buffer_release(held[index].Buffer), Is.EqualTo(reel_result_t.REEL_SUCCESS));
                held.RemoveAt(index);
            }
            else if (op < 82 && held.Count > 0)
            {
                int index = random.Next(held.Count);
                uint frames = (uint)random.Next(0, 4);
                Assert.That(ReelNative.reel_buffer_release_deferred(held[index].Buffer, frames), Is.EqualTo(reel_result_t.REEL_SUCCESS));
                deferred.Add((held[index], frame + Math.Max(frames, 1)));
                held.RemoveAt(index);
            }
            else if (op < 92)
            {
                frame = Advance(context);
                deferred.RemoveAll(d => d.DueFrame <= frame);
            }
            else if (op < 97 && live.Count > 0)
            {
                uint freed;
                Assert.That(ReelNative.reel_pool_trim(live[random.Next(live.Count)].Handle, (uint)random.Next(0, 3), &freed), Is.EqualTo(reel_result_t.REEL_SUCCESS));
            }
            else if (live.Count > 0)
            {
                PoolModel pool = live[random.Next(live.Count)];
                Assert.That(ReelNative.reel_pool_destroy(pool.Handle), Is.EqualTo(reel_result_t.REEL_SUCCESS), "destroying a pool with buffers out is allowed");
                pool.Destroyed = true;
            }

            AssertAccounting(context, pools, held, deferred.Select(d => d.Buffer).ToList(), step);
        }

        foreach (HeldBuffer buffer in held)
            ReelNative.reel_buffer_release(buffer.Buffer);
        Assert.That(ReelNative.reel_context_destroy(context), Is.EqualTo(reel_result_t.REEL_SUCCESS), "deferred releases are flushed");
        Assert.That(HostLiveBytes(), Is.Zero, "everything went back to the host");
    }

    private static void AssertAccounting(reel_context_t context, List<PoolModel> pools, List<HeldBuffer> held, List<HeldBuffer> deferred, int step)
    {
        reel_memory_stats_t memory = Memory(context);
        ulong categorySum = 0;
        for (int c = 0; c < 7; c++)
            categorySum += memory.category_bytes[c];
        Assert.That(memory.bytes, Is.EqualTo(HostLiveBytes()), $"step {step}: bytes = what the host allocator holds");
        Assert.That(categorySum, Is.EqualTo(memory.bytes), $"step {step}: categories add up");
        Assert.That(memory.buffers_out, Is.EqualTo((uint)(held.Count + deferred.Count)), $"step {step}: buffers out");
        Assert.That(memory.deferred_pending, Is.EqualTo((uint)deferred.Count), $"step {step}: deferred releases waiting");
        uint staging = memory.category_peak_bytes[Staging] > 0 ? 1u : 0u;  // the context's own staging pool, once used
        Assert.That(memory.pools, Is.EqualTo((uint)pools.Count(p => !p.Destroyed) + staging), $"step {step}: live pools");

        var expected = new ulong[7];
        foreach (PoolModel pool in pools.Where(p => !p.Destroyed))
            expected[pool.Category] += PoolStats(pool.Handle).bytes_held;
        foreach (HeldBuffer buffer in held.Concat(deferred).Where(b => b.Pool is { Destroyed: true }))
            expected[buffer.Pool!.Category] += buffer.Bytes;  // a destroyed pool keeps exactly its buffers out
        foreach (int c in new[] { Frame, Sample, Bitstream })
            Assert.That(memory.category_bytes[c], Is.EqualTo(expected[c]), $"step {step}: category {c} = its pools");
        Assert.That(memory.bytes >= memory.category_bytes[Staging], Is.True);
        Assert.That(memory.peak_bytes, Is.GreaterThanOrEqualTo(memory.bytes));
    }

    /// <summary>
    /// With a budget of 10 buffers: MEDIUM at 5 held, HIGH at 9 held, and HIGH trims every idle
    /// buffer (pools and staging) — exactly those bytes — which can bring the level down again.
    /// </summary>
    [Test]
    public void Pressure_CallbacksFireAtTheThresholds_AndHighTrimsExactlyTheIdleBytes()
    {
        const ulong S = 64 * 1024;  // one bitstream buffer = one staging buffer
        reel_context_t context = Context(desc =>
        {
            desc->telemetry.pressure_callback = &OnPressure;
        });
        reel_pool_t pool = BytePool(context, "packets", S, S, 16);
        Assert.That(ReelNative.reel_context_set_memory_budget(context, 10 * S), Is.EqualTo(reel_result_t.REEL_SUCCESS));

        reel_buffer_t staging;
        Assert.That(ReelNative.reel_context_acquire_staging(context, (nuint)S, &staging), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        ReelNative.reel_buffer_release(staging);  // 1 idle staging buffer held
        var buffers = new List<reel_buffer_t>();
        void Acquire(int count)
        {
            for (int i = 0; i < count; i++)
            {
                reel_buffer_t buffer;
                Assert.That(ReelNative.reel_pool_acquire_bytes(pool, (nuint)S, &buffer), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
                buffers.Add(buffer);
            }
        }

        Acquire(3);
        Assert.That(s_pressure, Is.Empty, "4 of 10 is below 50 %");
        Acquire(1);
        Assert.That(s_pressure, Is.EqualTo(new[] { (reel_pressure_level_t.REEL_PRESSURE_MEDIUM, 5 * S, 10 * S) }));

        Acquire(4);  // 9 of 10: HIGH, which purges the idle staging buffer: 8 of 10, MEDIUM again
        Assert.That(s_pressure, Has.Count.EqualTo(1), "HIGH was answered by Reel's own trimming; the level stayed MEDIUM");
        reel_memory_stats_t memory = Memory(context);
        Assert.That(memory.category_bytes[Staging], Is.Zero, "HIGH purged staging");
        Assert.That(memory.bytes, Is.EqualTo(8 * S));

        Acquire(1);  // 9 of 10 with nothing idle: HIGH stays
        Assert.That(s_pressure[^1], Is.EqualTo((reel_pressure_level_t.REEL_PRESSURE_HIGH, 9 * S, 10 * S)));
        Assert.That(Memory(context).pressure, Is.EqualTo(reel_pressure_level_t.REEL_PRESSURE_HIGH));

        for (int i = 0; i < 5; i++)
            ReelNative.reel_buffer_release(buffers[i]);
        Assert.That(Memory(context).bytes, Is.EqualTo(9 * S), "releases keep buffers idle in the pool");
        ulong trimsBefore = PoolStats(pool).trims;
        Advance(context);  // still HIGH: every idle buffer goes
        Assert.That(PoolStats(pool).trims - trimsBefore, Is.EqualTo(5UL), "exactly the idle buffers were trimmed");
        Assert.That(Memory(context).bytes, Is.EqualTo(4 * S));
        Assert.That(s_pressure[^1], Is.EqualTo((reel_pressure_level_t.REEL_PRESSURE_NONE, 4 * S, 10 * S)));
        Assert.That(s_pressure, Has.Count.EqualTo(3));

        Assert.That(ReelNative.reel_context_set_memory_budget(context, 0), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(s_pressure, Has.Count.EqualTo(3), "no budget: NONE, which it already was");
        Assert.That(Memory(context).budget, Is.Zero);
        for (int i = 5; i < buffers.Count; i++)
            ReelNative.reel_buffer_release(buffers[i]);
        ReelNative.reel_context_destroy(context);
        Assert.That(HostLiveBytes(), Is.Zero);
    }

    [Test]
    public void Pressure_CustomThresholds_AndBadOnesAreRefused()
    {
        const ulong S = 64 * 1024;
        reel_context_t context = Context(desc =>
        {
            desc->telemetry.pressure_callback = &OnPressure;
            desc->telemetry.memory_budget = 4 * S;
            desc->telemetry.pressure_medium_percent = 25;
            desc->telemetry.pressure_high_percent = 75;
        });
        reel_pool_t pool = BytePool(context, "packets", S, S, 4);
        var buffers = new reel_buffer_t[3];
        for (int i = 0; i < 3; i++)
        {
            fixed (reel_buffer_t* buffer = &buffers[i])
                ReelNative.reel_pool_acquire_bytes(pool, (nuint)S, buffer);
        }
        Assert.That(s_pressure.Select(p => p.Level), Is.EqualTo(new[] { reel_pressure_level_t.REEL_PRESSURE_MEDIUM, reel_pressure_level_t.REEL_PRESSURE_HIGH }),
            "25 % at one buffer, 75 % at three");
        foreach (reel_buffer_t buffer in buffers)
            ReelNative.reel_buffer_release(buffer);
        ReelNative.reel_context_destroy(context);

        reel_context_desc_t bad = ReelNative.reel_context_desc_default();
        bad.telemetry.pressure_medium_percent = 80;
        bad.telemetry.pressure_high_percent = 60;
        reel_context_t none;
        Failure.Expect(ReelNative.reel_context_create(&bad, &none), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "pressure_high_percent is 60");
    }

    /// <summary>The document parses, and lists every pool (live, destroyed and draining, staging) with its stats.</summary>
    [Test]
    public void StatsJson_IsValidJson_AndListsEveryPool()
    {
        reel_context_t context = Context();
        reel_pool_t camera = FramePool(context, "camera", 1920, 1080, 4);
        reel_pool_t mic = AudioPool(context, "mic", 2, 1024, 8);
        reel_pool_t packets = BytePool(context, "packets", 4096, 1 << 20, 4);
        reel_pool_t old = FramePool(context, "old format", 1280, 720, 2);
        reel_buffer_t frame, audio, packet, stale, staging;
        ReelNative.reel_pool_acquire(camera, &frame);
        ReelNative.reel_buffer_set_tag(frame, 0xC0FFEE);
        ReelNative.reel_pool_acquire(mic, &audio);
        ReelNative.reel_pool_acquire_bytes(packets, 10_000, &packet);
        ReelNative.reel_pool_acquire(old, &stale);
        ReelNative.reel_pool_destroy(old);  // drains: its buffer is still out
        ReelNative.reel_context_acquire_staging(context, 100_000, &staging);
        Advance(context);
        ReelNative.reel_context_take_snapshot(context);

        byte* json;
        Assert.That(ReelNative.reel_stats_json(context, (uint)(ReelNative.REEL_STATS_JSON_OUTSTANDING | ReelNative.REEL_STATS_JSON_SNAPSHOTS), (byte**)&json),
            Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        string text = Marshal.PtrToStringUTF8((nint)json)!;
        Assert.That(ReelNative.reel_stats_json_free(context, (byte*)json), Is.EqualTo(reel_result_t.REEL_SUCCESS));

        using JsonDocument document = JsonDocument.Parse(text);
        JsonElement root = document.RootElement;
        Dictionary<string, JsonElement> pools = root.GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.That(pools.Keys, Is.EquivalentTo(new[] { "camera", "mic", "packets", "old format", "staging" }));
        Assert.That(pools["old format"].GetProperty("destroyed").GetBoolean(), Is.True);
        Assert.That(pools["camera"].GetProperty("kind").GetString(), Is.EqualTo("frame"));
        Assert.That(pools["camera"].GetProperty("width").GetInt32(), Is.EqualTo(1920));
        Assert.That(pools["mic"].GetProperty("category").GetString(), Is.EqualTo("sample"));
        Assert.That(pools["packets"].GetProperty("classes").GetArrayLength(), Is.EqualTo(9), "4 KiB to 1 MiB");

        reel_memory_stats_t memory = Memory(context);
        JsonElement categories = root.GetProperty("memory").GetProperty("categories");
        Assert.That(root.GetProperty("memory").GetProperty("bytes").GetUInt64(), Is.EqualTo(memory.bytes));
        Assert.That(categories.GetProperty("frame").GetProperty("bytes").GetUInt64(), Is.EqualTo(memory.category_bytes[Frame]));
        Assert.That(categories.GetProperty("staging").GetProperty("bytes").GetUInt64(), Is.EqualTo(128UL * 1024));
        Assert.That(root.GetProperty("objects").GetProperty("pools_draining").GetInt32(), Is.EqualTo(1));

        JsonElement[] outstanding = root.GetProperty("outstanding").EnumerateArray().ToArray();
        Assert.That(outstanding, Has.Length.EqualTo(5));
        Assert.That(outstanding.Select(o => o.GetProperty("tag").GetString()), Does.Contain("0xc0ffee"));
        Assert.That(root.GetProperty("snapshots").GetProperty("taken").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("snapshots").GetProperty("items").GetArrayLength(), Is.EqualTo(1));

        foreach (reel_buffer_t buffer in new[] { frame, audio, packet, stale, staging })
            ReelNative.reel_buffer_release(buffer);
        ReelNative.reel_context_destroy(context);
        Assert.That(HostLiveBytes(), Is.Zero, "the JSON string went back to the host allocator too");
    }

    [Test]
    public void StatsJson_BadInput()
    {
        reel_context_t context = Context();
        byte* json;
        Failure.Expect(ReelNative.reel_stats_json(context, 0, null), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "out_json is NULL");
        Failure.Expect(ReelNative.reel_stats_json(context, 0x10, &json), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "flags is 0x10");
        Assert.That(ReelNative.reel_stats_json_free(context, null), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        ReelNative.reel_context_destroy(context);
        Failure.Expect(ReelNative.reel_stats_json(context, 0, &json), reel_result_t.REEL_ERROR_INVALID_HANDLE, "stale");
    }

    private static readonly List<(string Pool, ulong Tag, ulong Bytes, ulong Age, ulong AcquiredAt)> s_outstanding = new();

    [UnmanagedCallersOnly]
    private static void CollectOutstanding(void* userData, reel_outstanding_buffer_t* buffer) =>
        s_outstanding.Add((Marshal.PtrToStringUTF8((nint)buffer->pool_name)!, buffer->tag, buffer->bytes, buffer->age_frames, buffer->acquired_at_frame));

    [Test]
    public void ReportOutstanding_ListsEveryBufferOldestFirst_IncludingDrainingPools()
    {
        s_outstanding.Clear();
        reel_context_t context = Context();
        reel_pool_t decode = FramePool(context, "decode", 64, 64, 8);
        reel_pool_t packets = BytePool(context, "packets", 4096, 65536, 4);
        reel_buffer_t a, b, c;
        ReelNative.reel_pool_acquire(decode, &a);
        ReelNative.reel_buffer_set_tag(a, 1);
        Advance(context);
        Advance(context);
        ReelNative.reel_pool_acquire_bytes(packets, 5000, &b);
        ReelNative.reel_buffer_set_tag(b, 2);
        Advance(context);
        ReelNative.reel_pool_acquire(decode, &c);
        ReelNative.reel_buffer_set_tag(c, 3);
        ReelNative.reel_pool_destroy(decode);

        uint count;
        Assert.That(ReelNative.reel_report_outstanding(context, &CollectOutstanding, null, &count), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(count, Is.EqualTo(3u));
        Assert.That(s_outstanding.Select(o => (o.Pool, o.Tag, o.Age, o.AcquiredAt)), Is.EqualTo(new[]
        {
            ("decode", 1UL, 3UL, 0UL), ("packets", 2UL, 1UL, 2UL), ("decode", 3UL, 0UL, 3UL),
        }));
        Assert.That(s_outstanding[1].Bytes, Is.EqualTo(8192UL), "the size class");
        Assert.That(ReelNative.reel_report_outstanding(context, null, null, &count), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(count, Is.EqualTo(3u), "NULL callback only counts");

        foreach (reel_buffer_t buffer in new[] { a, b, c })
            ReelNative.reel_buffer_release(buffer);
        ReelNative.reel_context_destroy(context);
        Assert.That(HostLiveBytes(), Is.Zero, "the draining pool freed itself at its last release");
    }

    [Test]
    public void DeferredRelease_WaitsItsFrames_AndContextDestroyFlushesTheRest()
    {
        reel_context_t context = Context();
        reel_pool_t pool = FramePool(context, "gpu-read", 64, 64, 4);
        reel_buffer_t soon, later;
        ReelNative.reel_pool_acquire(pool, &soon);
        ReelNative.reel_pool_acquire(pool, &later);
        Assert.That(ReelNative.reel_buffer_release_deferred(soon, 2), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(ReelNative.reel_buffer_release_deferred(later, 50), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(Memory(context).deferred_pending, Is.EqualTo(2u));

        Advance(context);
        Assert.That(PoolStats(pool).in_use, Is.EqualTo(2u), "one frame of two");
        Advance(context);
        Assert.That(PoolStats(pool).in_use, Is.EqualTo(1u), "released at the second frame");
        Assert.That(Memory(context).deferred_pending, Is.EqualTo(1u));

        Failure.Expect(ReelNative.reel_buffer_release_deferred(soon, 2), reel_result_t.REEL_ERROR_INVALID_HANDLE, "was released");
        reel_buffer_t mine;
        ReelNative.reel_pool_acquire(pool, &mine);
        Failure.Expect(ReelNative.reel_buffer_release_deferred(mine, 100_001), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "frames is 100001");
        Assert.That(ReelNative.reel_buffer_release(mine), Is.EqualTo(reel_result_t.REEL_SUCCESS), "a refused deferral leaves the reference with the caller");

        Assert.That(ReelNative.reel_context_destroy(context), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(HostLiveBytes(), Is.Zero, "the 50-frame deferral was flushed at destroy");
    }

    /// <summary>
    /// Staging buffers are freed by the idle trim of their pool: the period is staging_idle_ms,
    /// and a buffer idle for a whole period goes at its end, so within one to two periods of
    /// its last use; reuse within a period keeps it.
    /// </summary>
    [Test]
    public void Staging_IsReclaimedAfterItsIdleTimeout_OnTheContextsClock()
    {
        const ulong Second = 1_000_000_000;
        reel_context_t context = Context(desc =>
        {
            desc->telemetry.time_callback = &VirtualNow;
            desc->telemetry.staging_idle_ms = 5000;
        });
        reel_buffer_t upload;
        Assert.That(ReelNative.reel_context_acquire_staging(context, 100_000, &upload), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        var bytes = new reel_bytes_info_t { struct_size = (uint)sizeof(reel_bytes_info_t) };
        Assert.That(ReelNative.reel_buffer_get_bytes(upload, &bytes), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(bytes.capacity, Is.EqualTo((nuint)(128 * 1024)), "the 128 KiB class");
        ReelNative.reel_buffer_release(upload);

        for (s_virtualNs = 0; s_virtualNs <= 9 * Second; s_virtualNs += Second / 2)
        {
            Advance(context);
            Assert.That(StagingBytes(context), Is.EqualTo(128UL * 1024), $"kept at {s_virtualNs / 1e9} s: the first period saw it in use");
        }
        s_virtualNs = 10 * Second + 1;
        Advance(context);
        Assert.That(StagingBytes(context), Is.Zero, "freed after a whole idle period");
        Assert.That(HostLiveBytes(), Is.Zero);

        Failure.Expect(ReelNative.reel_context_acquire_staging(context, (nuint)(257UL << 20), &upload), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "268435456");
        ReelNative.reel_context_destroy(context);
    }

    /// <summary>A host leaking one tagged frame per virtual minute hears about it through its callback, with the pool and the tags.</summary>
    [Test]
    public void LeakCallback_NamesThePoolAndTheOldestTags()
    {
        const ulong Minute = 60_000_000_000;
        reel_context_t context = Context(desc =>
        {
            desc->telemetry.time_callback = &VirtualNow;
            desc->telemetry.leak_callback = &OnLeak;
            desc->telemetry.leak_threshold_bytes_per_minute = 1000;
        });
        reel_pool_t steady = FramePool(context, "steady", 64, 64, 8);
        reel_pool_t leaky = FramePool(context, "leaky", 64, 64, 200);
        var leaked = new List<reel_buffer_t>();
        for (ulong minute = 1; minute <= 40 && s_alerts.Count == 0; minute++)
        {
            reel_buffer_t frame, churn;
            ReelNative.reel_pool_acquire(leaky, &frame);
            ReelNative.reel_buffer_set_tag(frame, minute);
            leaked.Add(frame);
            ReelNative.reel_pool_acquire(steady, &churn);
            ReelNative.reel_buffer_release(churn);
            s_virtualNs = minute * Minute;
            Advance(context);
        }
        Assert.That(s_alerts, Has.Count.EqualTo(1));
        (reel_leak_alert_t alert, string? objectName) = s_alerts[0];
        Assert.That(objectName, Is.EqualTo("leaky"));
        Assert.That(alert.category, Is.EqualTo(reel_memory_category_t.REEL_MEMORY_FRAME));
        Assert.That(alert.snapshot_index, Is.EqualTo(19UL), "the first window after a warm-up of K = 10");
        Assert.That(alert.trend, Is.GreaterThanOrEqualTo(0.7));
        Assert.That(alert.category_bytes_per_minute, Is.GreaterThan(1000.0));
        Assert.That(alert.suspect_count, Is.EqualTo(8u));
        Assert.That(alert.suspects[0].tag, Is.EqualTo(1UL), "oldest first");
        Assert.That(alert.suspects[7].tag, Is.EqualTo(8UL));
        Assert.That(Memory(context).alerts, Is.EqualTo(1UL));

        foreach (reel_buffer_t frame in leaked)
            ReelNative.reel_buffer_release(frame);
        ReelNative.reel_context_destroy(context);
    }

    [Test]
    public void SoakRun_ThroughTheCApi_SteadyIsFlat_AndALeakIsCaught()
    {
        string svg = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reel-soak-{Environment.ProcessId}.svg");
        fixed (byte* path = System.Text.Encoding.UTF8.GetBytes(svg + "\0"))
        {
            var desc = new reel_soak_desc_t { struct_size = (uint)sizeof(reel_soak_desc_t), hours = 7, svg_path = (byte*)path };
            var result = new reel_soak_result_t { struct_size = (uint)sizeof(reel_soak_result_t) };
            Assert.That(ReelNative.reel_soak_run(&desc, &result), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            Assert.That(result.frames, Is.EqualTo(7UL * 3600 * 60));
            Assert.That(result.snapshots, Is.EqualTo(7UL * 60));
            Assert.That(result.alerts, Is.Zero);
            Assert.That(result.steady_growth_bytes_per_hour, Is.EqualTo(0.0));
            Assert.That(System.IO.File.ReadAllText(svg), Does.StartWith("<svg").And.Contain("frame"));
        }
        System.IO.File.Delete(svg);

        var leak = new reel_soak_desc_t { struct_size = (uint)sizeof(reel_soak_desc_t), scenario = reel_soak_scenario_t.REEL_SOAK_LEAK, hours = 2, stop_on_alert = 1 };
        var found = new reel_soak_result_t { struct_size = (uint)sizeof(reel_soak_result_t) };
        Assert.That(ReelNative.reel_soak_run(&leak, &found), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        Assert.That(found.alerts, Is.EqualTo(1UL));
        Assert.That(found.first_alert_snapshot - found.leak_start_snapshot, Is.InRange(0, 10));
        Assert.That(Marshal.PtrToStringUTF8((nint)found.alert_object), Does.StartWith("decode"));
        Assert.That(found.alert_tag, Is.Not.Zero);

        var bad = new reel_soak_desc_t { struct_size = (uint)sizeof(reel_soak_desc_t), hours = 1000 };
        Failure.Expect(ReelNative.reel_soak_run(&bad, &found), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "hours is 1000");
    }
}
