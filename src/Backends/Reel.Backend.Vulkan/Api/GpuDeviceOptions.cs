using Reel.Vulkan.Commands;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Api;

/// <summary>How Reel runs a device (created or adopted), after the C API edge checked the ranges.</summary>
internal sealed class GpuDeviceOptions
{
    /// <summary>Frames begun and not complete at most.</summary>
    public int MaxFramesInFlight { get; init; } = FrameSynchronizer.DefaultMaxFramesInFlight;

    /// <summary>Command buffers per queue (recording or in flight) at most.</summary>
    public int CommandBuffersPerQueue { get; init; } = CommandBufferManager.DefaultCapacity;

    /// <summary>Block size and empty-block age of the suballocator.</summary>
    public GpuAllocatorOptions Allocator { get; init; } = new();

    /// <summary>Headless creation: enable the validation layer (and synchronization validation), messages to the context's log. Adoption: add Reel's own messenger.</summary>
    public bool Validation { get; init; }

    /// <summary>Headless creation: 0 for the best usable physical device, N for the N-th (1-based, as desc->physical_device of reel.h's reel_device_desc_t).</summary>
    public uint PhysicalDevice { get; init; }

    /// <summary>Headless creation: the highest Vulkan version Reel may use.</summary>
    public uint ApiVersion { get; init; } = Interop.VulkanVersion.V1_3;

    /// <summary>Headless creation: enable the video queues and extensions the device has.</summary>
    public bool EnableVideo { get; init; } = true;

    /// <summary>Headless creation: VkApplicationInfo.pApplicationName.</summary>
    public string ApplicationName { get; init; } = "reel";
}
