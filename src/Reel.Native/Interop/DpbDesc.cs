using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_dpb_desc_t</c>.</summary>
[CType("reel_dpb_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DpbDesc : IVersionedStruct
{
    public uint struct_size;
    public VideoCodecOperation codec_operation;
    public int vk_format;
    public uint width;
    public uint height;
    public uint slot_count;
    public uint vk_usage;
    public uint bit_depth;
    public uint flags;
    public uint reserved;

    public static uint FirstPublishedSize => 40;
}
