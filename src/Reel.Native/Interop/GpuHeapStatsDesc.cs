using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_heap_stats_t</c>.</summary>
[CType("reel_gpu_heap_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpuHeapStatsDesc
{
    public ulong size;
    public ulong block_bytes;
    public ulong allocation_bytes;
    public ulong budget;
    public ulong usage;
    public uint device_local;
    public uint budget_known;
}
