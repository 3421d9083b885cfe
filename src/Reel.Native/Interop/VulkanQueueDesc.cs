using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_vulkan_queue_t</c>.</summary>
[CType("reel_vulkan_queue_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct VulkanQueueDesc
{
    public uint family_index;
    public uint index;
    public nint vk_queue;
}
