using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_dpb_info_t</c> (an output struct).</summary>
[CType("reel_dpb_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DpbInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint slot_count;
    public uint active;
    public uint references;
    public ulong recycled;
    public ulong memory_bytes;
    public uint layered;
    public int vk_format;
    public uint width;
    public uint height;
    public uint vk_usage;
    public uint reserved;

    public static uint FirstPublishedSize => 56;
}
