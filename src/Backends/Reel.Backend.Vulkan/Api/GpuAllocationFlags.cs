using System;
using Reel.Abi;

namespace Reel.Vulkan.Api;

/// <summary>Options of GPU buffers and images (<c>reel_gpu_allocation_flags_t</c>). Values are pinned.</summary>
[Flags]
[CType("reel_gpu_allocation_flags_t", MemberPrefix = "REEL_GPU_ALLOCATION_FLAG_")]
public enum GpuAllocationFlags
{
    /// <summary>No options.</summary>
    None = 0,
    /// <summary>Its own VkDeviceMemory whatever its size.</summary>
    Dedicated = 1,
    /// <summary>Charged to the DPB category instead of device memory.</summary>
    Dpb = 2,
}
