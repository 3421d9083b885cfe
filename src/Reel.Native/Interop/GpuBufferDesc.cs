using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Vulkan.Memory;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_buffer_desc_t</c>.</summary>
[CType("reel_gpu_buffer_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuBufferDesc : IVersionedStruct
{
    public uint struct_size;
    public GpuMemoryUsage memory_usage;
    public ulong size;
    public uint vk_usage;
    public uint flags;

    public static uint FirstPublishedSize => 24;
}
