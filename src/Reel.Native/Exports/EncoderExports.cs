using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_encoder_create/destroy/submit/receive/flush/get_stats, reel_encoder_pool_reserve/get_stats.</summary>
internal static unsafe class EncoderExports
{
    /// <summary>Flags reel_encoder_submit knows.</summary>
    /// <summary>REEL_ENCODE_FLAG_KEYFRAME.</summary>
    private const uint KeyframeFlag = 0x1;
    private const uint KnownSubmitFlags = KeyframeFlag;

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_create")]
    public static ReelResult Create(ulong context, EncoderDesc* desc, ulong* outEncoder)
    {
        try
        {
            const string Function = "reel_encoder_create";
            ReelResult result = Arguments.NotNull(outEncoder, Function, "out_encoder");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = EncoderDescReader.Read(desc, owner!, Function, "desc", allowPacketPool: true, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            result = EncoderDescReader.RestoreValues(EncoderSession.Create(owner!, options!, Function, out EncoderSession? session), desc);
            if (result == ReelResult.Success)
                *outEncoder = session!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_destroy")]
    public static ReelResult Destroy(ulong encoder)
    {
        try
        {
            return EncoderSession.Destroy(new Handle(encoder), "reel_encoder_destroy");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_destroy", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_submit")]
    public static ReelResult Submit(ulong encoder, ulong frame, uint flags, uint timeoutMs)
    {
        try
        {
            const string Function = "reel_encoder_submit";
            ReelResult result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session);
            if (result != ReelResult.Success)
                return result;
            if ((flags & ~KnownSubmitFlags) != 0)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: flags is 0x{flags:x}; known bits are REEL_ENCODE_FLAG_KEYFRAME (0x1)");
            var buffer = new Handle(frame);
            result = Buffers.GetFrame(buffer, Function, out FrameView view);
            if (result != ReelResult.Success)
                return result;
            return session!.Submit(buffer, view.Pts, (flags & KeyframeFlag) != 0, timeoutMs, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_submit", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_receive")]
    public static ReelResult Receive(ulong encoder, uint timeoutMs, ulong* outPacket)
    {
        try
        {
            const string Function = "reel_encoder_receive";
            ReelResult result = Arguments.NotNull(outPacket, Function, "out_packet");
            if (result != ReelResult.Success)
                return result;
            *outPacket = 0;
            if ((result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session)) != ReelResult.Success)
                return result;
            result = session!.Receive(timeoutMs, Function, out Handle packet);
            *outPacket = packet.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_receive", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_flush")]
    public static ReelResult Flush(ulong encoder)
    {
        try
        {
            const string Function = "reel_encoder_flush";
            ReelResult result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session);
            return result != ReelResult.Success ? result : session!.Flush(Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_flush", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_get_stats")]
    public static ReelResult GetStats(ulong encoder, EncoderStatsDesc* outStats)
    {
        try
        {
            const string Function = "reel_encoder_get_stats";
            ReelResult result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session);
            if (result != ReelResult.Success)
                return result;
            EncoderSessionStats s = session!.GetStats();
            var stats = new EncoderStatsDesc
            {
                backend = s.Backend,
                frames_in = (ulong)s.FramesIn,
                frames_out = (ulong)s.FramesOut,
                packets_received = (ulong)s.PacketsReceived,
                bytes_out = (ulong)s.BytesOut,
                average_bitrate = s.AverageBitrate,
                encode_fps = s.EncodeFps,
                elapsed_seconds = s.ElapsedSeconds,
                queue_depth = (uint)s.QueueDepth,
                queue_capacity = (uint)s.QueueCapacity,
                packets_waiting = (uint)s.PacketsWaiting,
                from_pool = s.FromPool ? 1u : 0u,
                dropped = (ulong)s.Dropped,
                packet_pool_stalls = (ulong)s.PacketPoolStalls,
                keyframes = (ulong)s.Keyframes,
                latency_ms_last = s.Latency.LastMilliseconds,
                latency_ms_mean = s.Latency.MeanMilliseconds,
                latency_ms_max = s.Latency.MaxMilliseconds,
                latency_frames_mean = s.Latency.MeanFrames,
                latency_frames_last = (uint)Math.Min(s.Latency.LastFrames, uint.MaxValue),
                latency_frames_max = (uint)Math.Min(s.Latency.MaxFrames, uint.MaxValue),
            };
            return VersionedStruct.Write(outStats, in stats, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_get_stats", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_pool_reserve")]
    public static ReelResult PoolReserve(ulong context, EncoderDesc* desc, uint count)
    {
        try
        {
            const string Function = "reel_encoder_pool_reserve";
            ReelResult result = Arguments.Context(context, Function, out ReelContext? owner);
            if (result != ReelResult.Success
                || (result = EncoderDescReader.Read(desc, owner!, Function, "desc", allowPacketPool: true, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            if (count > EncoderSessionPool.MaxReserve)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: count is {count}; allowed 0 to {EncoderSessionPool.MaxReserve}");
            result = BackendRegistry.SelectEncoder(options!.Backend, options.Settings, owner!.Log, Function, $"{Function}: desc->", out IEncoderFactory? factory);
            if (result != ReelResult.Success)
                return EncoderDescReader.RestoreValues(result, desc);
            EncoderSessionPool? pool = EncoderSessionPool.GetOrCreate(owner);
            if (pool is null)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{Function}: context is being destroyed");
            return pool.Reserve(options.Settings, factory!, (int)count, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_pool_reserve", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_pool_get_stats")]
    public static ReelResult PoolGetStats(ulong context, EncoderPoolStatsDesc* outStats)
    {
        try
        {
            const string Function = "reel_encoder_pool_get_stats";
            ReelResult result = Arguments.Context(context, Function, out ReelContext? owner);
            if (result != ReelResult.Success)
                return result;
            EncoderPoolStats s = EncoderSessionPool.Find(owner!)?.GetStats() ?? default;
            var stats = new EncoderPoolStatsDesc
            {
                configurations = (uint)s.Configurations,
                requests = (ulong)s.Requests,
                hits = (ulong)s.Hits,
                misses = (ulong)s.Misses,
                returned_unused = (ulong)s.ReturnedUnused,
                replenished = (ulong)s.Replenished,
                retired = (ulong)s.Retired,
                idle = (uint)s.Idle,
                starting = (uint)s.Starting,
                reuse_rate = s.ReuseRate,
            };
            return VersionedStruct.Write(outStats, in stats, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_encoder_pool_get_stats", e);
        }
    }
}
