using Silk.NET.Vulkan;

namespace Reel.Vulkan.Commands;

/// <summary>A timeline value a submission waits for before the given stages run.</summary>
/// <param name="Semaphore">A timeline semaphore of the device.</param>
/// <param name="Value">The value to wait for.</param>
/// <param name="Stages">The stages that wait (VkPipelineStageFlags2); ALL_COMMANDS when 0.</param>
internal readonly record struct TimelineWait(VkSemaphore Semaphore, ulong Value, PipelineStageFlags2 Stages);
