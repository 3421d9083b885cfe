using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>reel_gpu_heap_stats_t heaps[REEL_GPU_MAX_HEAPS]</c>.</summary>
[InlineArray(16)]
internal struct GpuHeapStatsArray
{
    private GpuHeapStatsDesc _element;
}
