using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_dpb_slot_info_t</c> (an output struct).</summary>
[CType("reel_dpb_slot_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DpbSlotInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint slot;
    public uint active;
    public uint reference;
    public ulong frame_number;
    public long timestamp;
    public ulong vk_image;
    public ulong vk_image_view;
    public uint view_layer;
    public uint image_layer;
    public uint width;
    public uint height;
    public int vk_format;
    public uint reserved;

    public static uint FirstPublishedSize => 72;
}
