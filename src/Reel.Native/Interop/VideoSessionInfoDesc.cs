using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_video_session_info_t</c> (an output struct).</summary>
[CType("reel_video_session_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VideoSessionInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public VideoCodecOperation codec_operation;
    public ulong vk_video_session;
    public ulong vk_session_parameters;
    public uint queue_family_index;
    public int vk_picture_format;
    public int vk_reference_format;
    public uint max_dpb_slots;
    public uint max_active_references;
    public uint memory_bindings;
    public ulong memory_bytes;
    public uint max_width;
    public uint max_height;

    public static uint FirstPublishedSize => 64;
}
