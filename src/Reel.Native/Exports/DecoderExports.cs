using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;

namespace Reel.Native.Exports;

/// <summary>reel_decoder_create/destroy/submit/submit_packet/receive/flush/reset/get_stats.</summary>
internal static unsafe class DecoderExports
{
    /// <summary>REEL_DECODER_FLAG_NO_FILM_GRAIN.</summary>
    private const uint NoFilmGrain = 0x1;

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_create")]
    public static ReelResult Create(ulong context, reel_decoder_desc_t* desc, ulong* outDecoder)
    {
        const string Function = "reel_decoder_create";
        try
        {
            ReelResult result = Arguments.NotNull(outDecoder, Function, "out_decoder");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = Arguments.NotNull(desc, Function, "desc")) != ReelResult.Success
                || (result = ReadOptions(desc, Function, "desc", DecoderSessionOptions.DefaultFramesHeld, out DecoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            result = DecoderSession.Create(owner!, options!, Function, out DecoderSession? session);
            if (result == ReelResult.Success)
                *outDecoder = session!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    /// <summary>
    /// Checks a <c>reel_decoder_desc_t</c> (named <paramref name="argument"/> in messages) and
    /// turns it into session options; frames_held 0 becomes <paramref name="defaultFramesHeld"/>.
    /// </summary>
    internal static ReelResult ReadOptions(reel_decoder_desc_t* desc, string function, string argument, int defaultFramesHeld, out DecoderSessionOptions? options)
    {
        options = null;
        ReelResult result;
        if ((result = VersionedStruct.Read(desc, function, argument, out reel_decoder_desc_t d)) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, $"{argument}->name", out string? name)) != ReelResult.Success)
        {
            return result;
        }
        if (!Arguments.Codec(d.codec, function, $"{argument}->codec", out VideoCodec codec, out result))
            return result;
        if ((result = Arguments.Reserved(d.reserved, function, $"{argument}->reserved")) != ReelResult.Success)
            return result;
        if ((d.flags & ~NoFilmGrain) != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->flags is 0x{d.flags:x}; known bits are REEL_DECODER_FLAG_NO_FILM_GRAIN (0x1)");
        if (d.threads > DecoderSettings.MaxThreads)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->threads is {d.threads}; allowed 0 (one per core) to {DecoderSettings.MaxThreads}");
        if (d.max_frame_delay > DecoderSettings.MaxThreads)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->max_frame_delay is {d.max_frame_delay}; allowed 0 (automatic) to {DecoderSettings.MaxThreads}");
        if (d.frames_held > DecoderSessionOptions.MaxFramesHeld)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->frames_held is {d.frames_held}; allowed 1 to {DecoderSessionOptions.MaxFramesHeld}, or 0 for {defaultFramesHeld}");
        if (d.frame_size_limit > uint.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->frame_size_limit is {d.frame_size_limit}; allowed 0 (unlimited) to {uint.MaxValue} pixels");
        options = new DecoderSessionOptions
        {
            Settings = new DecoderSettings
            {
                Codec = codec,
                Threads = (int)d.threads,
                MaxFrameDelay = (int)d.max_frame_delay,
                ApplyFilmGrain = (d.flags & NoFilmGrain) == 0,
                FrameSizeLimit = (long)d.frame_size_limit,
            },
            Backend = d.backend,
            FramesHeld = d.frames_held == 0 ? defaultFramesHeld : (int)d.frames_held,
            Name = name ?? "decoder",
        };
        return ReelResult.Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_destroy")]
    public static ReelResult Destroy(ulong decoder)
    {
        const string Function = "reel_decoder_destroy";
        try
        {
            return DecoderSession.Destroy(new Handle(decoder), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_submit")]
    public static ReelResult Submit(ulong decoder, void* data, nuint size, long pts)
    {
        const string Function = "reel_decoder_submit";
        try
        {
            ReelResult result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session);
            if (result != ReelResult.Success || (result = Arguments.NotNull(data, Function, "data")) != ReelResult.Success)
                return result;
            if (size == 0 || size > int.MaxValue)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: size is {size}; allowed 1 to {int.MaxValue} bytes");
            return session!.Submit(new ReadOnlySpan<byte>(data, (int)size), pts, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_submit_packet")]
    public static ReelResult SubmitPacket(ulong decoder, ulong packet)
    {
        const string Function = "reel_decoder_submit_packet";
        try
        {
            ReelResult result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session);
            return result != ReelResult.Success ? result : session!.SubmitPacket(new Handle(packet), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_receive")]
    public static ReelResult Receive(ulong decoder, ulong* outFrame)
    {
        const string Function = "reel_decoder_receive";
        try
        {
            ReelResult result = Arguments.NotNull(outFrame, Function, "out_frame");
            if (result != ReelResult.Success)
                return result;
            *outFrame = 0;
            if ((result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session)) != ReelResult.Success)
                return result;
            result = session!.Receive(Function, out Handle frame);
            *outFrame = frame.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_flush")]
    public static ReelResult Flush(ulong decoder)
    {
        const string Function = "reel_decoder_flush";
        try
        {
            ReelResult result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session);
            return result != ReelResult.Success ? result : session!.Flush(Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_reset")]
    public static ReelResult Reset(ulong decoder)
    {
        const string Function = "reel_decoder_reset";
        try
        {
            ReelResult result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session);
            if (result == ReelResult.Success)
                session!.Reset();
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_decoder_get_stats")]
    public static ReelResult GetStats(ulong decoder, reel_decoder_stats_t* outStats)
    {
        const string Function = "reel_decoder_get_stats";
        try
        {
            ReelResult result = DecoderSession.Resolve(decoder, Function, out DecoderSession? session);
            if (result != ReelResult.Success)
                return result;
            DecoderSessionStats s = session!.GetStats();
            var stats = new reel_decoder_stats_t
            {
                backend = s.Backend,
                packets_in = (ulong)s.PacketsIn,
                bytes_in = (ulong)s.BytesIn,
                frames_out = (ulong)s.FramesOut,
                decode_fps = s.DecodeFps,
                elapsed_seconds = s.ElapsedSeconds,
                width = (uint)s.Width,
                height = (uint)s.Height,
                format = s.Format,
                frames_in_use = (uint)s.FramesInUse,
                frame_pool = s.FramePool.Value,
                pools_created = (uint)s.PoolsCreated,
                corrupt_packets = (ulong)s.CorruptPackets,
                frames_copied = (ulong)s.FramesCopied,
                pool_misses = (ulong)s.PoolMisses,
            };
            return VersionedStruct.Write(outStats, in stats, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
