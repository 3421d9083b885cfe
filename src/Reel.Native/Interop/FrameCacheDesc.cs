using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_cache_desc_t</c>.</summary>
[CType("reel_frame_cache_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FrameCacheDesc : IVersionedStruct
{
    public uint struct_size;
    public FrameCachePresetC preset;
    public uint ring_size;
    public uint lru_capacity;
    public uint prefetch_depth;
    public uint queue_capacity;
    public ulong memory_budget;
    public long frame_count;
    public delegate* unmanaged<void*, ulong, void> request_callback;
    public void* request_user_data;
    public byte* name;
    public uint flags;
    public uint reserved;

    public static uint FirstPublishedSize => 72;
}
