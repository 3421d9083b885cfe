using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_pool_desc_t</c>.</summary>
[CType("reel_frame_pool_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FramePoolDesc : IVersionedStruct
{
    public uint struct_size;
    public PixelFormat format;
    public uint width;
    public uint height;
    public uint stride_align;
    public uint row_padding;
    public uint height_align;
    public uint reserved;
    public byte* name;
    public PoolConfigDesc config;

    public static uint FirstPublishedSize => 80;
}
