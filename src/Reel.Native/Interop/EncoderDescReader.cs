using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>
/// Reads <c>reel_encoder_desc_t</c> into session options at the edge: struct size, reserved
/// fields, name, packet pool handle, queue_depth, and the defaults of zero fields. The codec
/// settings keep the host's values exactly as given (C widths, nothing clamped), so the one
/// check of their ranges against the chosen backend (EncoderSettings.Validate, run when the
/// session picks its encoder) names each field with the value the host passed.
/// </summary>
internal static unsafe class EncoderDescReader
{
    /// <summary>Default frame rate numerator (0 in the desc).</summary>
    public const uint DefaultFpsNumerator = 30;

    /// <summary>REEL_ENCODER_FLAG_LOW_LATENCY.</summary>
    public const uint LowLatencyFlag = 0x1;

    /// <summary>REEL_ENCODER_FLAG_NO_B_FRAMES.</summary>
    public const uint NoBFramesFlag = 0x2;

    /// <summary>Default quality (0 in the desc): SVT-AV1's own default CRF 35.</summary>
    public const uint DefaultQuality = 45;

    /// <summary>
    /// Reads <paramref name="desc"/> (passed as <paramref name="argument"/>, e.g. "desc" or
    /// "settings"). <paramref name="allowPacketPool"/> is false for the movie writer, whose
    /// packets go to its file.
    /// </summary>
    public static ReelResult Read(reel_encoder_desc_t* desc, string function, string argument, bool allowPacketPool,
        out EncoderSessionOptions? options)
    {
        options = null;
        ReelResult result = Arguments.NotNull(desc, function, argument);
        if (result != ReelResult.Success || (result = VersionedStruct.Read(desc, function, argument, out reel_encoder_desc_t d)) != ReelResult.Success)
            return result;
        string field = $"{argument}->";
        if ((result = Arguments.Reserved(d.reserved, function, field + "reserved")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved2, function, field + "reserved2")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved3, function, field + "reserved3")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, field + "name", out string? name)) != ReelResult.Success)
        {
            return result;
        }
        if (d.queue_depth > EncoderSessionOptions.MaxQueueDepth)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {field}queue_depth is {d.queue_depth}; allowed 1 to {EncoderSessionOptions.MaxQueueDepth}, or 0 for {EncoderSessionOptions.DefaultQueueDepth}");
        }
        if (!Arguments.Codec(d.codec, function, field + "codec", out VideoCodec codec, out result))
            return result;
        const uint KnownFlags = LowLatencyFlag | NoBFramesFlag;
        if ((d.flags & ~KnownFlags) != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field}flags is 0x{d.flags:x}; known bits are REEL_ENCODER_FLAG_LOW_LATENCY (0x1) and REEL_ENCODER_FLAG_NO_B_FRAMES (0x2)");
        if ((d.flags & NoBFramesFlag) != 0 && d.max_b_frames != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field}max_b_frames is {d.max_b_frames} with REEL_ENCODER_FLAG_NO_B_FRAMES; allowed only 0");
        if (d.max_b_frames > EncoderSettings.MaxBFrames)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field}max_b_frames is {d.max_b_frames}; allowed 0 (the preset's) to {EncoderSettings.MaxBFrames}");
        Pool? packetPool = null;
        if (d.packet_pool != 0)
        {
            if (!allowPacketPool)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field}packet_pool is set; allowed only REEL_NULL_HANDLE (the movie writer's packets go to its file)");
            var handle = new Handle(d.packet_pool);
            HandleError error = PoolRegistry.TryResolve(handle, out packetPool);
            if (error != HandleError.None)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Pool, field + "packet_pool"));
        }
        var settings = new EncoderSettings
        {
            Width = d.width,
            Height = d.height,
            FpsNumerator = d.fps_num == 0 ? DefaultFpsNumerator : d.fps_num,
            FpsDenominator = d.fps_den == 0 ? 1 : d.fps_den,
            RateControl = d.rate_control,
            Quality = d.quality == 0 ? DefaultQuality : d.quality,
            TargetBitrate = d.bitrate,
            MaxBitrate = d.max_bitrate,
            BufferSize = d.buffer_size,
            Preset = d.preset,
            SpeedPreset = d.speed_preset,
            KeyframeInterval = d.keyframe_interval,
            Profile = d.profile,
            Level = d.level,
            TileRowsLog2 = d.tile_rows_log2,
            TileColumnsLog2 = d.tile_columns_log2,
            Cdef = d.cdef,
            Restoration = d.restoration,
            Threads = d.threads,
            Color = d.color,
            Codec = codec,
            ProfileIdc = d.profile_idc,
            BFrames = (d.flags & NoBFramesFlag) != 0 ? 0 : d.max_b_frames == 0 ? -1 : (int)d.max_b_frames,
            LowLatency = (d.flags & LowLatencyFlag) != 0,
            MiniGopSize = d.mini_gop_size,
            Lookahead = d.lookahead,
            Prediction = d.prediction,
        };
        options = new EncoderSessionOptions
        {
            Settings = settings,
            Backend = d.backend,
            QueueDepth = d.queue_depth == 0 ? EncoderSessionOptions.DefaultQueueDepth : (int)d.queue_depth,
            PacketPool = packetPool,
            Name = name ?? "encoder",
            ArgumentName = argument,
        };
        return ReelResult.Success;
    }
}
