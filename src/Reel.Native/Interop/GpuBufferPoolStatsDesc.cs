using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_buffer_pool_stats_t</c> (an output struct).</summary>
[CType("reel_gpu_buffer_pool_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuBufferPoolStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint classes;
    public uint allocated;
    public uint idle;
    public uint in_use;
    public uint has_video_usage;
    public ulong acquires;
    public ulong created;
    public ulong trimmed;
    public ulong bytes_held;
    public ulong offset_alignment;
    public ulong size_alignment;
    public uint vk_usage;
    public uint reserved;

    public static uint FirstPublishedSize => 80;
}
