using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_image_t</c>.</summary>
[CType("reel_image_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ImageDesc : IVersionedStruct
{
    public uint struct_size;
    public PixelFormat format;
    public uint width;
    public uint height;
    public PlanePointers data;
    public fixed int stride[4];

    public static uint FirstPublishedSize => 64;
}
