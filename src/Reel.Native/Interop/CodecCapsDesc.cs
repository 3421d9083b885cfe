using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_codec_caps_t</c> (an output struct).</summary>
[CType("reel_codec_caps_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CodecCapsDesc : IVersionedStruct
{
    public uint struct_size;
    public CodecBackend backend;
    public uint can_encode;
    public uint can_decode;
    public byte* encoder;
    public byte* decoder;
    public byte* encoder_name;
    public byte* decoder_name;
    public uint min_width;
    public uint max_width;
    public uint min_height;
    public uint max_height;
    public uint max_fps;
    public uint encode_profiles;
    public uint rate_controls;
    public uint keyframe_rate_controls;
    public uint presets;
    public uint min_speed_preset;
    public uint max_speed_preset;
    public uint max_tile_rows_log2;
    public uint max_tile_columns_log2;
    public uint max_tile_count_log2;
    public uint max_threads;
    public uint reserved;
    public ulong min_bitrate;
    public ulong max_bitrate;
    public uint decode_max_width;
    public uint decode_max_height;
    public uint decode_profiles;
    public uint decode_bit_depths;
    public uint decode_formats;
    public uint reserved2;
    public uint prediction_structures;
    public uint mini_gop_sizes;
    public uint max_lookahead;
    public uint low_delay_rate_controls;
    public uint low_delay_min_speed_preset;
    public uint low_delay_mini_gop_sizes;
    public uint low_delay_keyframe_rate_controls;
    public uint reserved3;

    public static uint FirstPublishedSize => 152;
}
