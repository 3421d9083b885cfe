using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_video_codec_caps_t</c>.</summary>
[CType("reel_video_codec_caps_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VideoCodecCapsDesc
{
    public VideoCodecOperation operation;
    public uint profile;
    public uint max_level;
    public uint flags;
    public uint min_width;
    public uint min_height;
    public uint max_width;
    public uint max_height;
    public uint width_granularity;
    public uint height_granularity;
    public uint max_dpb_slots;
    public uint max_active_references;
    public ulong bitstream_offset_alignment;
    public ulong bitstream_size_alignment;
    public uint luma_bit_depths;
    public uint chroma_subsampling;
    public uint rate_control_modes;
    public uint quality_levels;
    public ulong max_bitrate;
    public fixed byte implementation[64];
}
