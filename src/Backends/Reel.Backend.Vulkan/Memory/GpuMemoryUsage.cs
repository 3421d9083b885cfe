using Reel.Abi;

namespace Reel.Vulkan.Memory;

/// <summary>What GPU memory is for, which decides its memory type (<c>reel_gpu_memory_usage_t</c>). Values are pinned.</summary>
[CType("reel_gpu_memory_usage_t", MemberPrefix = "REEL_GPU_MEMORY_")]
public enum GpuMemoryUsage
{
    /// <summary>Only the GPU touches it (DPB and output images): DEVICE_LOCAL, preferably not host-visible.</summary>
    DeviceLocal = 1,
    /// <summary>The CPU writes it once, the GPU reads it (bitstreams to decode, staging): HOST_VISIBLE, preferably coherent and uncached (write-combined).</summary>
    Upload = 2,
    /// <summary>The GPU writes it, the CPU reads it (encoded bitstreams, readback): HOST_VISIBLE, preferably HOST_CACHED.</summary>
    Readback = 3,
}
