using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_stream_info_t</c> (an output struct).</summary>
[CType("reel_stream_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct StreamInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public StreamKind kind;
    public fixed byte codec[32];
    public double duration_seconds;
    public ulong frame_count;
    public uint width;
    public uint height;
    public uint fps_num;
    public uint fps_den;
    public uint sample_rate;
    public uint channels;
    public ulong sample_count;
    public ulong bit_rate;
    public ulong index_entries;

    public static uint FirstPublishedSize => 104;
}
