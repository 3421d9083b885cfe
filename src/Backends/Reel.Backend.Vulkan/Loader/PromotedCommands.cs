using System;
using System.Collections.Generic;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Loader;

/// <summary>
/// The commands Reel calls that became core after Vulkan 1.1 (the least Reel runs on). Below
/// the version that promoted one, a device has it only through its extension, under the
/// extension's name (same signature): vkQueueSubmit2KHR of VK_KHR_synchronization2 on a
/// Vulkan 1.2 device. Silk.NET's <c>Vk</c> asks for the core name; <see cref="ProcAddrContext"/>
/// asks the driver for the right one.
/// </summary>
internal static class PromotedCommands
{
    private static readonly Dictionary<string, (uint Version, string Alias)> s_aliases = new(StringComparer.Ordinal)
    {
        // VK_KHR_synchronization2, core in 1.3.
        ["vkQueueSubmit2"] = (VulkanVersion.V1_3, "vkQueueSubmit2KHR"),
        ["vkCmdPipelineBarrier2"] = (VulkanVersion.V1_3, "vkCmdPipelineBarrier2KHR"),
        // VK_KHR_timeline_semaphore, core in 1.2.
        ["vkWaitSemaphores"] = (VulkanVersion.V1_2, "vkWaitSemaphoresKHR"),
        ["vkSignalSemaphore"] = (VulkanVersion.V1_2, "vkSignalSemaphoreKHR"),
        ["vkGetSemaphoreCounterValue"] = (VulkanVersion.V1_2, "vkGetSemaphoreCounterValueKHR"),
    };

    /// <summary>The name to ask the driver for <paramref name="name"/> on a device running <paramref name="apiVersion"/> (0: global or instance scope, core names).</summary>
    public static string NameAt(string name, uint apiVersion) =>
        apiVersion != 0 && s_aliases.TryGetValue(name, out var promoted) && apiVersion < promoted.Version ? promoted.Alias : name;
}
