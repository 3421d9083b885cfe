using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Vulkan.Memory;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_image_desc_t</c>.</summary>
[CType("reel_gpu_image_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuImageDesc : IVersionedStruct
{
    public uint struct_size;
    public GpuMemoryUsage memory_usage;
    public int vk_format;
    public uint width;
    public uint height;
    public uint array_layers;
    public uint mip_levels;
    public uint vk_usage;
    public uint vk_tiling;
    public uint flags;

    public static uint FirstPublishedSize => 40;
}
