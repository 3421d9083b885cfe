namespace Reel.Vulkan.Device;

/// <summary>How Reel creates its own VkDevice on an instance.</summary>
public sealed class VulkanDeviceOptions
{
    /// <summary>
    /// The physical device to use, counted from 1 in vkEnumeratePhysicalDevices order (the
    /// C contract's desc->physical_device, so that messages name the caller's value); 0 picks
    /// the best usable one: discrete, then integrated, virtual, CPU.
    /// </summary>
    public uint PhysicalDevice { get; init; }

    /// <summary>Enable the video extensions and queues the device has (decode and encode, per codec).</summary>
    public bool EnableVideo { get; init; } = true;
}
