using System.Collections.Generic;
using Reel.Logging;
using Silk.NET.Vulkan;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Device;

/// <summary>
/// A host's Vulkan objects handed to Reel, the engine-embedding case: Reel works on them and
/// never destroys them. What Vulkan cannot be asked about an existing instance or device
/// (API versions, enabled extensions and features) the host states here.
/// </summary>
public sealed class VulkanAdoption
{
    /// <summary>The host's PFN_vkGetInstanceProcAddr; 0 uses the system libvulkan.so.1.</summary>
    public nint GetInstanceProcAddr { get; init; }

    /// <summary>The host's instance.</summary>
    public VkInstance Instance { get; init; }

    /// <summary>VkApplicationInfo.apiVersion of the host's instance (at least 1.1).</summary>
    public uint InstanceApiVersion { get; init; }

    /// <summary>The instance extensions the host enabled.</summary>
    public IReadOnlyList<string> InstanceExtensions { get; init; } = [];

    /// <summary>The physical device the host's device was created on.</summary>
    public PhysicalDevice PhysicalDevice { get; init; }

    /// <summary>The host's device.</summary>
    public VkDevice Device { get; init; }

    /// <summary>The device extensions the host enabled.</summary>
    public IReadOnlyList<string> DeviceExtensions { get; init; } = [];

    /// <summary>The features the host enabled; TimelineSemaphore and Synchronization2 are required.</summary>
    public VulkanFeatures EnabledFeatures { get; init; }

    /// <summary>Queues Reel may use (at least one with graphics or compute).</summary>
    public IReadOnlyList<AdoptedQueue> Queues { get; init; } = [];

    /// <summary>When set, Reel adds its own debug messenger (needs VK_EXT_debug_utils enabled) and records into it.</summary>
    public ValidationLog? CaptureValidation { get; init; }

    /// <summary>Where Reel reports what it adopted.</summary>
    public Logger? Log { get; init; }
}
