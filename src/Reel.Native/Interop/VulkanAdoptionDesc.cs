using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_vulkan_adoption_t</c>.</summary>
[CType("reel_vulkan_adoption_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VulkanAdoptionDesc : IVersionedStruct
{
    public uint struct_size;
    public uint flags;
    public nint vk_get_instance_proc_addr;
    public nint vk_instance;
    public nint vk_physical_device;
    public nint vk_device;
    public uint instance_api_version;
    public uint enabled_features;
    public uint instance_extension_count;
    public uint device_extension_count;
    public byte** instance_extensions;
    public byte** device_extensions;
    public uint queue_count;
    public uint max_frames_in_flight;
    public VulkanQueueDesc* queues;
    public ulong memory_block_size;
    public uint empty_block_frames;
    public uint command_buffers_per_queue;

    public static uint FirstPublishedSize => 104;
}
