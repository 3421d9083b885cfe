using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_encoder_desc_t</c>.</summary>
[CType("reel_encoder_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EncoderDesc : IVersionedStruct
{
    public uint struct_size;
    public CodecBackend backend;
    public uint width;
    public uint height;
    public uint fps_num;
    public uint fps_den;
    public RateControlMode rate_control;
    public uint quality;
    public ulong bitrate;
    public ulong max_bitrate;
    public ulong buffer_size;
    public EncoderPreset preset;
    public uint speed_preset;
    public uint keyframe_interval;
    public Av1Profile profile;
    public uint level;
    public uint tile_rows_log2;
    public uint tile_columns_log2;
    public FilterSwitch cdef;
    public FilterSwitch restoration;
    public uint threads;
    public ColorDescription color;
    public uint queue_depth;
    public ulong packet_pool;
    public byte* name;
    public uint reserved;
    public uint reserved2;
    public uint mini_gop_size;
    public uint lookahead;
    public PredictionStructure prediction;
    public uint reserved3;

    public static uint FirstPublishedSize => 128;
}
