using System.Threading;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Device;

/// <summary>
/// A VkQueue and what Reel uses it for. Vulkan requires external synchronisation of a queue:
/// Reel submits only while holding <see cref="SubmitLock"/>. A host that shares an adopted
/// queue with Reel must not submit to it concurrently with Reel.
/// </summary>
public sealed class VulkanQueue
{
    internal VulkanQueue(Queue handle, QueueFamilyInfo family, uint index, QueueRoles roles)
    {
        Handle = handle;
        Family = family;
        Index = index;
        Roles = roles;
    }

    /// <summary>The queue.</summary>
    public Queue Handle { get; }

    /// <summary>The queue's family (flags, codec operations).</summary>
    public QueueFamilyInfo Family { get; }

    /// <summary>The queue family index.</summary>
    public uint FamilyIndex => Family.Index;

    /// <summary>The queue's index within its family.</summary>
    public uint Index { get; }

    /// <summary>The roles Reel gave this queue.</summary>
    public QueueRoles Roles { get; }

    /// <summary>Held around vkQueueSubmit2 and vkQueueWaitIdle on this queue.</summary>
    public Lock SubmitLock { get; } = new();

    public override string ToString() => $"queue {FamilyIndex}.{Index} ({Roles})";
}
