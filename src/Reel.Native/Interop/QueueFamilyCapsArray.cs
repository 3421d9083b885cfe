using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>reel_queue_family_caps_t queue_families[REEL_MAX_QUEUE_FAMILIES]</c>.</summary>
[InlineArray(16)]
internal struct QueueFamilyCapsArray
{
    private QueueFamilyCapsDesc _element;
}
