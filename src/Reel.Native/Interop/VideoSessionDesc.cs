using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_video_session_desc_t</c>.</summary>
[CType("reel_video_session_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VideoSessionDesc : IVersionedStruct
{
    public uint struct_size;
    public VideoCodecOperation codec_operation;
    public uint max_width;
    public uint max_height;
    public uint max_dpb_slots;
    public uint max_active_references;
    public uint bit_depth;
    public int vk_picture_format;
    public int vk_reference_format;
    public uint reserved;

    public static uint FirstPublishedSize => 40;
}
