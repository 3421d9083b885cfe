using System;
using Reel.Abi;

namespace Reel.Vulkan.Device;

/// <summary>Device features a host declares it enabled on a VkDevice it hands over (Vulkan cannot be asked afterwards).</summary>
[Flags]
[CType("reel_vulkan_feature_flags_t", MemberPrefix = "REEL_VULKAN_FEATURE_")]
public enum VulkanFeatures
{
    /// <summary>None declared.</summary>
    None = 0,
    /// <summary>timelineSemaphore (Vulkan 1.2 or VK_KHR_timeline_semaphore): required.</summary>
    TimelineSemaphore = 1,
    /// <summary>synchronization2 (Vulkan 1.3 or VK_KHR_synchronization2): required.</summary>
    Synchronization2 = 2,
    /// <summary>hostQueryReset (Vulkan 1.2): optional.</summary>
    HostQueryReset = 4,
    /// <summary>videoMaintenance1 (VK_KHR_video_maintenance1): optional.</summary>
    VideoMaintenance1 = 8,
}
