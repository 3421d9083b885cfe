using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_device_desc_t</c>.</summary>
[CType("reel_device_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DeviceDesc : IVersionedStruct
{
    public uint struct_size;
    public uint flags;
    public uint physical_device;
    public uint vulkan_api_version;
    public uint max_frames_in_flight;
    public uint command_buffers_per_queue;
    public ulong memory_block_size;
    public uint empty_block_frames;
    public uint reserved;
    public byte* application_name;

    public static uint FirstPublishedSize => 48;
}
