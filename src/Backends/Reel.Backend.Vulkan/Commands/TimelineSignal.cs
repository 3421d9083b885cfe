
namespace Reel.Vulkan.Commands;

/// <summary>A timeline value a submission signals when all its commands completed.</summary>
/// <param name="Semaphore">A timeline semaphore of the device.</param>
/// <param name="Value">The value to signal; above the semaphore's current and pending values.</param>
internal readonly record struct TimelineSignal(VkSemaphore Semaphore, ulong Value);
