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
    public static ReelResult Create(ulong context, reel_encoder_desc_t* desc, ulong* outEncoder)
    {
        const string Function = "reel_encoder_create";
        try
        {
            ReelResult result = Arguments.NotNull(outEncoder, Function, "out_encoder");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = EncoderDescReader.Read(desc, Function, "desc", allowPacketPool: true, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            result = EncoderSession.Create(owner!, options!, Function, out EncoderSession? session);
            if (result == ReelResult.Success)
                *outEncoder = session!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_destroy")]
    public static ReelResult Destroy(ulong encoder)
    {
        const string Function = "reel_encoder_destroy";
        try
        {
            return EncoderSession.Destroy(new Handle(encoder), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_submit")]
    public static ReelResult Submit(ulong encoder, ulong frame, uint flags, uint timeoutMs)
    {
        const string Function = "reel_encoder_submit";
        try
        {
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
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_receive")]
    public static ReelResult Receive(ulong encoder, uint timeoutMs, ulong* outPacket)
    {
        const string Function = "reel_encoder_receive";
        try
        {
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
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_flush")]
    public static ReelResult Flush(ulong encoder)
    {
        const string Function = "reel_encoder_flush";
        try
        {
            ReelResult result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session);
            return result != ReelResult.Success ? result : session!.Flush(Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_get_stats")]
    public static ReelResult GetStats(ulong encoder, reel_encoder_stats_t* outStats)
    {
        const string Function = "reel_encoder_get_stats";
        try
        {
            ReelResult result = EncoderSession.Resolve(encoder, Function, out EncoderSession? session);
            if (result != ReelResult.Success)
                return result;
            EncoderSessionStats s = session!.GetStats();
            var stats = new reel_encoder_stats_t
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
                frames_held = (ulong)s.FramesHeld,
                reconfigurations = (ulong)s.Reconfigurations,
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
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_pool_reserve")]
    public static ReelResult PoolReserve(ulong context, reel_encoder_desc_t* desc, uint count)
    {
        const string Function = "reel_encoder_pool_reserve";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? owner);
            if (result != ReelResult.Success
                || (result = EncoderDescReader.Read(desc, Function, "desc", allowPacketPool: true, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            if (count > EncoderSessionPool.MaxReserve)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: count is {count}; allowed 0 to {EncoderSessionPool.MaxReserve}");
            result = BackendRegistry.SelectEncoder(options!.Backend, options.Settings, owner!.Log, Function, $"{Function}: desc->", out IEncoderFactory? factory);
            if (result != ReelResult.Success)
                return result;
            EncoderSessionPool? pool = EncoderSessionPool.GetOrCreate(owner);
            if (pool is null)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{Function}: context is being destroyed");
            return pool.Reserve(options.Settings, factory!, (int)count, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_encoder_pool_get_stats")]
    public static ReelResult PoolGetStats(ulong context, reel_encoder_pool_stats_t* outStats)
    {
        const string Function = "reel_encoder_pool_get_stats";
        try
        {
            ReelResult result = Arguments.Context(context, Function, out ReelContext? owner);
            if (result != ReelResult.Success)
                return result;
            EncoderPoolStats s = EncoderSessionPool.Find(owner!)?.GetStats() ?? default;
            var stats = new reel_encoder_pool_stats_t
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
                reconfigured = (ulong)s.Reconfigured,
            };
            return VersionedStruct.Write(outStats, in stats, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
