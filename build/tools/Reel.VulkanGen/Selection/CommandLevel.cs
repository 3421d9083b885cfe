namespace Reel.VulkanGen.Selection;

/// <summary>Which loader table a command belongs to, by its first parameter (the dispatchable object).</summary>
internal enum CommandLevel
{
    /// <summary>No dispatchable object: vkCreateInstance, vkEnumerateInstance*; vkGetInstanceProcAddr(NULL, name).</summary>
    Global,

    /// <summary>VkInstance or VkPhysicalDevice (and vkGetDeviceProcAddr); vkGetInstanceProcAddr(instance, name).</summary>
    Instance,

    /// <summary>VkDevice, VkQueue or VkCommandBuffer; vkGetDeviceProcAddr(device, name).</summary>
    Device,
}
