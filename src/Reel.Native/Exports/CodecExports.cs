using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_codec_get_caps and reel_codec_get_caps_for.</summary>
internal static unsafe class CodecExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_codec_get_caps")]
    public static ReelResult GetCaps(CodecBackend backend, reel_codec_caps_t* outCaps)
    {
        const string Function = "reel_codec_get_caps";
        try
        {
            return Describe(Function, VideoCodec.Av1, backend, outCaps);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_codec_get_caps_for")]
    public static ReelResult GetCapsFor(VideoCodec codec, CodecBackend backend, reel_codec_caps_t* outCaps)
    {
        const string Function = "reel_codec_get_caps_for";
        try
        {
            if (!Arguments.Codec(codec, Function, "codec", out VideoCodec resolved, out ReelResult result))
                return result;
            return Describe(Function, resolved, backend, outCaps);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult Describe(string function, VideoCodec codec, CodecBackend backend, reel_codec_caps_t* outCaps)
    {
        ReelResult result = Arguments.NotNull(outCaps, function, "out_caps");
        if (result != ReelResult.Success
            || (result = BackendRegistry.Describe(codec, backend, function, out CodecBackend resolved, out IEncoderFactory? encoder, out IDecoderFactory? decoder)) != ReelResult.Success)
        {
            return result;
        }
        var caps = new reel_codec_caps_t { backend = resolved, codec = codec, encoder = StaticStrings.Empty, decoder = StaticStrings.Empty, encoder_name = StaticStrings.Empty, decoder_name = StaticStrings.Empty };
        if (encoder is null)
            caps.encoder = StaticStrings.Intern($"no {BackendRegistry.CodecName(codec)} encoder is registered in this libreel for this backend choice");
        if (decoder is null)
            caps.decoder = StaticStrings.Intern($"no {BackendRegistry.CodecName(codec)} decoder is registered in this libreel for this backend choice");
        if (encoder is not null)
        {
            caps.can_encode = encoder.IsAvailable(out string description) ? 1u : 0u;
            caps.encoder = StaticStrings.Intern(description);
            caps.encoder_name = StaticStrings.Intern(encoder.Name);
            EncoderCapabilities e = encoder.Capabilities;
            caps.min_width = (uint)e.MinWidth;
            caps.max_width = (uint)e.MaxWidth;
            caps.min_height = (uint)e.MinHeight;
            caps.max_height = (uint)e.MaxHeight;
            caps.max_fps = (uint)e.MaxFramesPerSecond;
            caps.encode_profiles = Bits(e.Profiles);
            caps.rate_controls = Bits(e.RateControlModes);
            caps.keyframe_rate_controls = Bits(e.KeyframeForcingModes);
            caps.presets = Bits(e.Presets);
            caps.min_speed_preset = (uint)e.MinSpeedPreset;
            caps.max_speed_preset = (uint)e.MaxSpeedPreset;
            caps.max_tile_rows_log2 = (uint)e.MaxTileRowsLog2;
            caps.max_tile_columns_log2 = (uint)e.MaxTileColumnsLog2;
            caps.max_tile_count_log2 = (uint)e.MaxTileCountLog2;
            caps.max_threads = (uint)e.MaxThreads;
            caps.min_bitrate = (ulong)e.MinBitrate;
            caps.max_bitrate = (ulong)e.MaxBitrate;
            caps.encode_settings = (uint)e.Settings;
            for (int i = 0; i < e.ProfileIdcs.Count && i < 4; i++)
                caps.encode_profile_idcs[i] = (uint)e.ProfileIdcs[i];
            caps.prediction_structures = (1u << (int)PredictionStructure.Default) | Bits(e.PredictionStructures);
            caps.mini_gop_sizes = PowerBits(e.MiniGopSizes);
            caps.max_lookahead = (uint)e.MaxLookahead;
            caps.low_delay_rate_controls = Bits(e.LowDelayRateControlModes);
            caps.low_delay_min_speed_preset = (uint)e.LowDelayMinSpeedPreset;
            caps.low_delay_mini_gop_sizes = PowerBits(e.LowDelayMiniGopSizes);
            caps.low_delay_keyframe_rate_controls = Bits(e.LowDelayKeyframeForcingModes);
        }
        if (decoder is not null)
        {
            caps.can_decode = decoder.IsAvailable(out string description) ? 1u : 0u;
            caps.decoder = StaticStrings.Intern(description);
            caps.decoder_name = StaticStrings.Intern(decoder.Name);
            DecoderCapabilities d = decoder.Capabilities;
            caps.decode_max_width = (uint)d.MaxWidth;
            caps.decode_max_height = (uint)d.MaxHeight;
            caps.decode_profiles = Bits(d.Profiles);
            foreach (int depth in d.BitDepths)
                caps.decode_bit_depths |= 1u << depth;
            // Frames arrive in Reel pools: 8-bit and 10-bit 4:2:0 only.
            caps.decode_formats = (1u << (int)PixelFormat.I420) | (1u << (int)PixelFormat.I010);
        }
        return VersionedStruct.Write(outCaps, in caps, function, "out_caps");
    }

    /// <summary>Bit log2(size) for each power-of-two size (mini-GOP sizes).</summary>
    private static uint PowerBits(IReadOnlyList<int> sizes)
    {
        uint bits = 0;
        foreach (int size in sizes)
            bits |= 1u << System.Numerics.BitOperations.Log2((uint)size);
        return bits;
    }

    private static uint Bits<T>(IReadOnlyList<T> values) where T : struct, Enum
    {
        uint bits = 0;
        foreach (T value in values)
            bits |= 1u << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return bits;
    }
}
