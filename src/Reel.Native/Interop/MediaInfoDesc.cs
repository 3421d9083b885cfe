using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_media_info_t</c> (output of get_info, input of the writers' create).</summary>
[CType("reel_media_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct MediaInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint width;
    public uint height;
    public uint fps_num;
    public uint fps_den;
    public uint reserved;
    public ulong frame_count;

    public static uint FirstPublishedSize => 32;
}
