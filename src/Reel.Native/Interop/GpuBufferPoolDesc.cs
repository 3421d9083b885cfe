using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Vulkan.Buffers;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_buffer_pool_desc_t</c>.</summary>
[CType("reel_gpu_buffer_pool_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuBufferPoolDesc : IVersionedStruct
{
    public uint struct_size;
    public GpuBufferPoolKind kind;
    public ulong min_class_size;
    public ulong max_class_size;
    public uint max_per_class;
    public uint trim_idle_frames;
    public VideoCodecOperation codec_operation;
    public uint offset_alignment;
    public uint size_alignment;
    public uint reserved;
    public byte* name;

    public static uint FirstPublishedSize => 56;
}
