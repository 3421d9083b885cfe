using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Vulkan.Memory;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_allocation_info_t</c> (an output struct).</summary>
[CType("reel_gpu_allocation_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuAllocationInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint memory_type_index;
    public ulong vk_buffer;
    public ulong vk_image;
    public ulong vk_device_memory;
    public ulong offset;
    public ulong size;
    public ulong resource_size;
    public nint mapped;
    public GpuMemoryUsage memory_usage;
    public uint dedicated;
    public uint coherent;
    public uint pooled;

    public static uint FirstPublishedSize => 80;
}
