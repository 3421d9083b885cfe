using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;
using Reel.Reports;
using Reel.Telemetry;
using Reel.Time;

namespace Reel.Simulation;

/// <summary>
/// A long session of a transcoding pipeline on a virtual clock, through the real engine:
/// demux → decode → frame cache → encode → mux, with audio and uploads beside it. Per frame:
/// a bitstream packet (20–200 KB) in, a decoded frame held by an 8-frame cache and then by the
/// encoder for 2 frames, an encoded packet (30–150 KB) held 1 frame by the muxer, an audio
/// buffer, and every 30 frames a 4 MB staging upload. Every virtual hour the decode format
/// flips between 1080p and 720p: a new decode pool, the old one draining. Snapshots are
/// taken every virtual minute, the leak detector runs on them, and the chart is written at
/// the end. 24 hours at 60 fps (5.2 M frames) take seconds.
/// </summary>
public sealed class SoakSimulation
{
    private const int CacheFrames = 8;
    private const int EncoderDelay = 2;
    private const int StagingEvery = 30;
    private const nuint StagingBytes = 4 << 20;

    private readonly SoakOptions _options;
    private readonly VirtualTimeSource _time = new();
    private readonly Random _random;
    private readonly Queue<Handle> _cache = new();
    private readonly Queue<Handle> _encoder = new();
    private readonly Queue<Handle> _mux = new();
    private readonly List<(Handle Frame, long ReleaseAt)> _burst = new();
    private readonly List<Handle> _leaked = new();
    private readonly List<string> _decodePools = new();
    private ReelContext _context = null!;
    private BytePool _demux = null!;
    private BytePool _encoded = null!;
    private AudioPool _audio = null!;
    private FramePool _decode = null!;
    private Handle _heldAudio;
    private long _leakStartSnapshot = -1;

    private SoakSimulation(SoakOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>Runs a soak. Failures (pool creation, an unexpected result) set the thread's error and return it.</summary>
    public static ReelResult Run(SoakOptions options, string function, out SoakResult? result)
    {
        result = null;
        if (!(options.Hours > 0 && options.Hours <= 24 * 30))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->hours is {options.Hours}; allowed above 0 up to 720");
        if (options.Fps is 0 or > 240)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->fps is {options.Fps}; allowed 1 to 240");
        if (!Enum.IsDefined(options.Scenario))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->scenario is {(int)options.Scenario}; allowed REEL_SOAK_STEADY (0), REEL_SOAK_LEAK (1), REEL_SOAK_BURSTY (2)");
        return new SoakSimulation(options).Execute(function, out result);
    }

    private ReelResult Execute(string function, out SoakResult? result)
    {
        result = null;
        var watch = Stopwatch.StartNew();
        ReelResult status = ReelContext.Create(new ContextOptions { Name = "soak", Time = _time }, function, out ReelContext? context);
        if (status != ReelResult.Success)
            return status;
        _context = context!;
        try
        {
            status = CreatePools(function);
            if (status == ReelResult.Success)
                status = Simulate(function, watch, out result);
            return status;
        }
        finally
        {
            ReleaseEverything();
            ReelContext.Destroy(_context.Handle, function);
        }
    }

    private ReelResult CreatePools(string function)
    {
        ReelResult status;
        if ((status = Config(16, out PoolConfig? bytes)) != ReelResult.Success
            || (status = BytePool.Create(_context, "demux", 0, 0, bytes!, function, out BytePool? demux)) != ReelResult.Success
            || (status = BytePool.Create(_context, "encoded", 0, 0, bytes!, function, out BytePool? encoded)) != ReelResult.Success
            || (status = Config(8, out PoolConfig? audioConfig)) != ReelResult.Success
            || (status = AudioPool.Create(_context, "audio", SampleFormat.S32, 2, 48000 / _options.Fps, 48000, audioConfig!, function, out AudioPool? audio)) != ReelResult.Success)
        {
            return status;
        }
        (_demux, _encoded, _audio) = (demux!, encoded!, audio!);
        return SwitchFormat(0, function);
    }

    /// <summary>Pools of the pipeline: capped, growing one buffer at a time, idle buffers freed after 10 s.</summary>
    private static ReelResult Config(uint max, out PoolConfig? config) =>
        PoolConfig.TryCreate(0, max, PoolGrowth.Linear, 0, ExhaustionPolicy.Grow, 0, 0, 0, 10_000, PoolFlags.None, max, "soak: ", out config);

    /// <summary>Hour h decodes 1080p when h is even, 720p when odd: a new pool; the old one drains as its frames move on.</summary>
    private ReelResult SwitchFormat(long hour, string function)
    {
        (uint width, uint height) = hour % 2 == 0 ? (1920u, 1080u) : (1280u, 720u);
        ReelResult status;
        if ((status = FrameLayout.TryCreate(PixelFormat.Nv12, width, height, 0, 0, 0, "soak: ", out FrameLayout? layout)) != ReelResult.Success
            || (status = Config(64, out PoolConfig? config)) != ReelResult.Success
            || (status = FramePool.Create(_context, $"decode {width}x{height} h{hour}", layout!, config!, function, out FramePool? pool)) != ReelResult.Success)
        {
            return status;
        }
        FramePool? old = _decode;
        _decode = pool!;
        _decodePools.Add(pool!.Name);
        return old is null ? ReelResult.Success : Pool.Destroy(old.Handle, function);
    }

    private ReelResult Simulate(string function, Stopwatch watch, out SoakResult? result)
    {
        result = null;
        long fps = _options.Fps;
        long total = (long)(_options.Hours * 3600 * fps);
        long framesPerHour = 3600 * fps, framesPerMinute = 60 * fps;
        long leakStart = _options.LeakStartMinute * framesPerMinute;
        ReelResult status = ReelResult.Success;
        long frame = 0;
        for (; frame < total && status == ReelResult.Success; frame++)
        {
            if (frame > 0 && frame % framesPerHour == 0)
                status = SwitchFormat(frame / framesPerHour, function);
            if (status == ReelResult.Success)
                status = Step(frame);
            if (status == ReelResult.Success && _options.Scenario == SoakScenario.Leak && frame >= leakStart && (frame - leakStart) % framesPerMinute == 0)
                status = Leak();
            if (status == ReelResult.Success && _options.Scenario == SoakScenario.Bursty)
                status = Burst(frame);
            // Exact time per frame (1e9 / fps rounded each frame, not once), so minutes stay minutes.
            _time.Advance((frame + 1) * 1_000_000_000 / fps - frame * 1_000_000_000 / fps);
            _context.AdvanceFrame();
            if (_options.StopOnAlert && _context.Telemetry.AlertCount > 0)
            {
                frame++;
                break;
            }
        }
        if (status != ReelResult.Success)
            return status;
        result = Summarize(frame, watch);
        return ReelResult.Success;
    }

    private ReelResult Step(long frame)
    {
        // Demux a packet and decode it into a pooled frame.
        ReelResult status = _demux.AcquireBytes((nuint)_random.Next(20_000, 200_001), "soak", out Handle packet);
        if (status != ReelResult.Success)
            return status;
        status = _decode.Acquire("soak", out Handle decoded);
        Buffers.Release(packet, "soak");
        if (status != ReelResult.Success)
            return status;
        Buffers.SetTag(decoded, (ulong)frame, "soak");
        Buffers.SetPts(decoded, frame, "soak");

        // The cache holds the last frames; the oldest goes on to the encoder, which holds it
        // a little while it encodes, then the muxer holds the packet for a frame.
        _cache.Enqueue(decoded);
        if (_cache.Count > CacheFrames)
            _encoder.Enqueue(_cache.Dequeue());
        if (_encoder.Count > EncoderDelay)
        {
            status = _encoded.AcquireBytes((nuint)_random.Next(30_000, 150_001), "soak", out Handle outPacket);
            Buffers.Release(_encoder.Dequeue(), "soak");
            if (status != ReelResult.Success)
                return status;
            _mux.Enqueue(outPacket);
        }
        if (_mux.Count > 1)
            Buffers.Release(_mux.Dequeue(), "soak");

        // Audio for this frame, held until the next one; an upload every so often.
        status = _audio.Acquire("soak", out Handle audio);
        if (status != ReelResult.Success)
            return status;
        if (!_heldAudio.IsNull)
            Buffers.Release(_heldAudio, "soak");
        _heldAudio = audio;
        if (frame % StagingEvery == 0)
        {
            status = _context.AcquireStaging(StagingBytes, "soak", out Handle upload);
            if (status != ReelResult.Success)
                return status;
            Buffers.Release(upload, "soak");
        }
        return ReelResult.Success;
    }

    /// <summary>The host keeps a reference to the newest decoded frame and never gives it back.</summary>
    private ReelResult Leak()
    {
        Handle newest = default;
        foreach (Handle frame in _cache)
            newest = frame;
        if (_leakStartSnapshot < 0)
            _leakStartSnapshot = _context.Telemetry.Snapshots.Taken;
        _leaked.Add(newest);
        return Buffers.Retain(newest, "soak");
    }

    /// <summary>About every 5 minutes, 8–24 extra frames held for 2–20 seconds: bounded, however large.</summary>
    private ReelResult Burst(long frame)
    {
        for (int i = _burst.Count - 1; i >= 0; i--)
        {
            if (_burst[i].ReleaseAt <= frame)
            {
                Buffers.Release(_burst[i].Frame, "soak");
                _burst.RemoveAt(i);
            }
        }
        if (_burst.Count > 0 || _random.Next(300 * (int)_options.Fps) != 0)
            return ReelResult.Success;
        long releaseAt = frame + _random.Next(2, 21) * _options.Fps;
        for (int i = _random.Next(8, 25); i > 0; i--)
        {
            ReelResult status = _decode.Acquire("soak", out Handle extra);
            if (status != ReelResult.Success)
                return status;
            _burst.Add((extra, releaseAt));
        }
        return ReelResult.Success;
    }

    private SoakResult Summarize(long frames, Stopwatch watch)
    {
        List<Snapshot> snapshots;
        lock (_context.Telemetry.Lock)
        {
            SnapshotRing ring = _context.Telemetry.Snapshots;
            snapshots = new List<Snapshot>(ring.Count);
            for (int i = 0; i < ring.Count; i++)
                snapshots.Add(ring[i]);
        }
        List<LeakAlert> alerts = _context.Telemetry.Alerts();
        LeakAlert? firstAlert = _context.Telemetry.FirstAlert;
        if (_options.SvgPath is { } path)
        {
            string title = $"Reel soak: {_options.Scenario.ToString().ToLowerInvariant()}, {frames / (3600.0 * _options.Fps):0.##} virtual hours at {_options.Fps} fps, memory per category";
            File.WriteAllText(path, MemoryChart.Render(snapshots, firstAlert, alerts, _context.Telemetry.AlertCount, title));
        }
        return new SoakResult
        {
            Frames = frames,
            VirtualHours = frames / (3600.0 * _options.Fps),
            WallSeconds = watch.Elapsed.TotalSeconds,
            Snapshots = _context.Telemetry.Snapshots.Taken,
            Alerts = _context.Telemetry.AlertCount,
            FirstAlert = firstAlert,
            LeakStartSnapshot = _leakStartSnapshot,
            SteadyGrowthBytesPerHour = SteadyGrowth(snapshots),
            PeakBytes = _context.Memory.TotalPeak,
            FinalBytes = _context.Memory.Total,
            FramesDropped = _context.Memory.DroppedFrames,
            DecodePools = _decodePools.ToArray(),
        };
    }

    /// <summary>Bytes held at mid-hour 2 versus mid-hour of the last complete hour of the same format, per hour between.</summary>
    private static double? SteadyGrowth(List<Snapshot> snapshots)
    {
        int hours = snapshots.Count / 60;
        if (hours < 6)
            return null;
        int last = (hours - 1) % 2 == 0 ? hours - 1 : hours - 2;
        long early = snapshots[2 * 60 + 30].TotalBytes;
        long late = snapshots[last * 60 + 30].TotalBytes;
        return (late - early) / (double)(last - 2);
    }

    private void ReleaseEverything()
    {
        foreach (Queue<Handle> queue in new[] { _cache, _encoder, _mux })
        {
            while (queue.TryDequeue(out Handle buffer))
                Buffers.Release(buffer, "soak");
        }
        foreach ((Handle frame, _) in _burst)
            Buffers.Release(frame, "soak");
        foreach (Handle leaked in _leaked)
            Buffers.Release(leaked, "soak");
        if (!_heldAudio.IsNull)
            Buffers.Release(_heldAudio, "soak");
    }
}
