using Silk.NET.Vulkan;

namespace Reel.Vulkan.Device;

/// <summary>A queue of the host's device that Reel may submit to: its family, index and handle.</summary>
public readonly record struct AdoptedQueue(uint FamilyIndex, uint Index, Queue Handle);
