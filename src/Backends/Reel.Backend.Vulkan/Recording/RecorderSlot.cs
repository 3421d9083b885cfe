using Reel.Vulkan.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// What one frame in flight uses that lives as long as the recorder: the device-local buffer
/// the shader writes (charged to REEL_MEMORY_DEVICE) and its descriptor set.
/// </summary>
internal sealed class RecorderSlot
{
    /// <summary>Wraps the slot's objects.</summary>
    public RecorderSlot(int index, GpuBuffer conversion, DescriptorSet set) => (Index, Conversion, Set) = (index, conversion, set);

    /// <summary>Its number, for messages.</summary>
    public int Index { get; }

    /// <summary>The converter's output.</summary>
    public GpuBuffer Conversion { get; }

    /// <summary>The descriptor set bound to this slot's buffer and the frame's image view.</summary>
    public DescriptorSet Set { get; }
}
