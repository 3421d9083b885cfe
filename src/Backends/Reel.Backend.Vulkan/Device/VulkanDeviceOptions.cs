namespace Reel.Vulkan.Device;

/// <summary>How Reel creates its own VkDevice on an instance.</summary>
public sealed class VulkanDeviceOptions
{
    /// <summary>
    /// The index (in vkEnumeratePhysicalDevices order) of the physical device to use; -1 picks
    /// the best usable one: discrete, then integrated, virtual, CPU.
    /// </summary>
    public int PhysicalDeviceIndex { get; init; } = -1;

    /// <summary>Enable the video extensions and queues the device has (decode and encode, per codec).</summary>
    public bool EnableVideo { get; init; } = true;
}
