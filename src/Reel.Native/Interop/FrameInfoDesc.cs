using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_info_t</c> (an output struct).</summary>
[CType("reel_frame_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FrameInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public PixelFormat format;
    public uint width;
    public uint height;
    public uint plane_count;
    public uint reserved;
    public PlanePointers data;
    public fixed uint stride[4];
    public fixed ulong plane_size[4];
    public long pts;
    public ulong tag;

    public static uint FirstPublishedSize => 120;
}
