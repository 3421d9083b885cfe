using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_vk_image_t</c>.</summary>
[CType("reel_vk_image_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VkImageDesc : IVersionedStruct
{
    public uint struct_size;
    public uint width;
    public uint height;
    public int vk_format;
    public ulong vk_image;
    public void* vk_device;
    public uint vk_layout;
    public uint queue_family;
    public ulong wait_semaphore;
    public ulong wait_value;
    public ulong signal_semaphore;
    public ulong signal_value;
    public ulong timeout_ns;

    public static uint FirstPublishedSize => 80;
}
