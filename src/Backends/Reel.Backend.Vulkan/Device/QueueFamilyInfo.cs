using Silk.NET.Vulkan;

namespace Reel.Vulkan.Device;

/// <summary>One queue family of a physical device (VkQueueFamilyProperties2 and its video extensions).</summary>
/// <param name="Index">The queue family index.</param>
/// <param name="Flags">Graphics, compute, transfer, video decode, video encode, ...</param>
/// <param name="QueueCount">How many queues the family has.</param>
/// <param name="TimestampValidBits">Meaningful bits of timestamps written on its queues (0: none).</param>
/// <param name="VideoCodecOperations">Codec operations its queues can do (VkQueueFamilyVideoPropertiesKHR); 0 without VK_KHR_video_queue.</param>
/// <param name="SupportsResultStatusQuery">Whether result status queries work on it (VkQueueFamilyQueryResultStatusPropertiesKHR).</param>
public sealed record QueueFamilyInfo(
    uint Index,
    QueueFlags Flags,
    uint QueueCount,
    uint TimestampValidBits,
    VideoCodecOperationFlagsKHR VideoCodecOperations,
    bool SupportsResultStatusQuery)
{
    /// <summary>Whether the family has every bit of <paramref name="flags"/>.</summary>
    public bool Has(QueueFlags flags) => (Flags & flags) == flags;
}
