using Reel.Handles;

namespace Reel.Vulkan.Api;

/// <summary>
/// An object made on a <see cref="GpuDevice"/> that the host holds by handle: an allocation, a
/// buffer pool, a DPB, a video session, a GPU timeline. The device tracks its children so that
/// destroying the device (or its context) destroys what the host left behind.
/// </summary>
internal interface IDeviceChild
{
    /// <summary>The device it was made on.</summary>
    GpuDevice Owner { get; }

    /// <summary>Its handle (REEL_NULL_HANDLE until registered).</summary>
    Handle Handle { get; set; }

    /// <summary>
    /// Destroys it during its device's teardown, after the device waited for its queues; its
    /// handle has already been removed from the registry.
    /// </summary>
    void DestroyWithDevice();
}
