using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_memory_stats_t</c> (an output struct).</summary>
[CType("reel_gpu_memory_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuMemoryStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint heap_count;
    public uint block_count;
    public uint allocation_count;
    public uint dedicated_count;
    public uint free_range_count;
    public ulong block_bytes;
    public ulong allocation_bytes;
    public ulong dedicated_bytes;
    public ulong free_bytes;
    public double fragmentation;
    public ulong device_allocations;
    public ulong device_frees;
    public ulong blocks_reclaimed;
    public GpuHeapStatsArray heaps;

    public static uint FirstPublishedSize => 856;
}
