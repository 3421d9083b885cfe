using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_queue_family_caps_t</c>.</summary>
[CType("reel_queue_family_caps_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct QueueFamilyCapsDesc
{
    public uint vk_queue_flags;
    public uint queue_count;
    public uint video_codec_operations;
    public uint reel_queues;
}
