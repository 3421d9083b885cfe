using System;
using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>
/// Reads <c>reel_encoder_desc_t</c> into session options: struct size, reserved fields, name,
/// packet pool handle, and the defaults of zero fields. The ranges themselves are checked by
/// the engine (EncoderSettings.Validate), which names each field.
/// </summary>
internal static unsafe class EncoderDescReader
{
    /// <summary>Default frame rate numerator (0 in the desc).</summary>
    public const int DefaultFpsNumerator = 30;

    /// <summary>Default quality (0 in the desc): SVT-AV1's own default CRF 35.</summary>
    public const int DefaultQuality = 45;

    /// <summary>
    /// Reads <paramref name="desc"/> (passed as <paramref name="argument"/>, e.g. "desc" or
    /// "settings"). <paramref name="allowPacketPool"/> is false for the movie writer, whose
    /// packets go to its file.
    /// </summary>
    public static ReelResult Read(EncoderDesc* desc, ReelContext context, string function, string argument, bool allowPacketPool,
        out EncoderSessionOptions? options)
    {
        options = null;
        ReelResult result = Arguments.NotNull(desc, function, argument);
        if (result != ReelResult.Success || (result = VersionedStruct.Read(desc, function, argument, out EncoderDesc d)) != ReelResult.Success)
            return result;
        string field = $"{argument}->";
        if ((result = Arguments.Reserved(d.reserved, function, field + "reserved")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved2, function, field + "reserved2")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved3, function, field + "reserved3")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, field + "name", out string? name)) != ReelResult.Success)
        {
            return result;
        }
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
            Width = Clamp(d.width),
            Height = Clamp(d.height),
            FpsNumerator = d.fps_num == 0 ? DefaultFpsNumerator : Clamp(d.fps_num),
            FpsDenominator = d.fps_den == 0 ? 1 : Clamp(d.fps_den),
            RateControl = d.rate_control,
            Quality = d.quality == 0 ? DefaultQuality : Clamp(d.quality),
            TargetBitrate = Clamp(d.bitrate),
            MaxBitrate = Clamp(d.max_bitrate),
            BufferSize = Clamp(d.buffer_size),
            Preset = d.preset,
            SpeedPreset = Clamp(d.speed_preset),
            KeyframeInterval = Clamp(d.keyframe_interval),
            Profile = d.profile,
            Level = Clamp(d.level),
            TileRowsLog2 = Clamp(d.tile_rows_log2),
            TileColumnsLog2 = Clamp(d.tile_columns_log2),
            Cdef = d.cdef,
            Restoration = d.restoration,
            Threads = Clamp(d.threads),
            Color = d.color,
            MiniGopSize = Clamp(d.mini_gop_size),
            Lookahead = Clamp(d.lookahead),
            Prediction = d.prediction,
        };
        options = new EncoderSessionOptions
        {
            Settings = settings,
            Backend = d.backend,
            QueueDepth = d.queue_depth == 0 ? EncoderSessionOptions.DefaultQueueDepth : Clamp(d.queue_depth),
            PacketPool = packetPool,
            Name = name ?? "encoder",
            ArgumentName = argument,
        };
        return ReelResult.Success;
    }

    /// <summary>
    /// Fields above int.MaxValue reach the engine as int.MaxValue, which is outside every
    /// range; this puts the host's real value back into the engine's message.
    /// </summary>
    public static ReelResult RestoreValues(ReelResult result, EncoderDesc* desc)
    {
        if (result >= 0 || desc == null)
            return result;
        string message = LastError.Message;
        string original = message;
        EncoderDesc d = *desc;
        Restore(ref message, "width", d.width);
        Restore(ref message, "height", d.height);
        Restore(ref message, "fps_num", d.fps_num);
        Restore(ref message, "fps_den", d.fps_den);
        Restore(ref message, "quality", d.quality);
        Restore(ref message, "speed_preset", d.speed_preset);
        Restore(ref message, "keyframe_interval", d.keyframe_interval);
        Restore(ref message, "level", d.level);
        Restore(ref message, "tile_rows_log2", d.tile_rows_log2);
        Restore(ref message, "tile_columns_log2", d.tile_columns_log2);
        Restore(ref message, "threads", d.threads);
        Restore(ref message, "queue_depth", d.queue_depth);
        Restore(ref message, "mini_gop_size", d.mini_gop_size);
        Restore(ref message, "lookahead", d.lookahead);
        RestoreLong(ref message, "target_bitrate", d.bitrate);
        RestoreLong(ref message, "max_bitrate", d.max_bitrate);
        RestoreLong(ref message, "buffer_size", d.buffer_size);
        // The engine calls the target "target_bitrate"; the C field is "bitrate".
        message = message.Replace("->target_bitrate ", "->bitrate ", StringComparison.Ordinal)
                         .Replace(" target_bitrate ", " bitrate ", StringComparison.Ordinal);
        return message == original ? result : LastError.Set(result, message);
    }

    private static void Restore(ref string message, string field, uint value)
    {
        if (value > int.MaxValue)
            message = message.Replace($"{field} is {int.MaxValue}", $"{field} is {value}", StringComparison.Ordinal);
    }

    private static void RestoreLong(ref string message, string field, ulong value)
    {
        if (value > long.MaxValue)
            message = message.Replace($"{field} is {long.MaxValue}", $"{field} is {value}", StringComparison.Ordinal);
    }

    private static int Clamp(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
