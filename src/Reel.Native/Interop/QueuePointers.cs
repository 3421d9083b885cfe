using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>VkQueue vk_queue[REEL_GPU_QUEUE_COUNT]</c>.</summary>
[InlineArray(5)]
internal struct QueuePointers
{
    private nint _element;
}
