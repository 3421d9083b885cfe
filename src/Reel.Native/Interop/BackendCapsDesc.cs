using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_backend_caps_t</c> (an output struct).</summary>
[CType("reel_backend_caps_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BackendCapsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint backend_count;
    public BackendKind kind;
    public uint available;
    public fixed byte name[64];
    public fixed byte device_name[256];
    public fixed byte driver[256];
    public fixed byte unavailable_reason[256];
    public uint api_version;
    public uint driver_version;
    public uint vendor_id;
    public uint device_id;
    public uint queue_family_count;
    public uint heap_count;
    public uint codec_count;
    public uint reserved;
    public QueueFamilyCapsArray queue_families;
    public GpuHeapStatsArray heaps;
    public VideoCodecCapsArray codecs;

    public static uint FirstPublishedSize => 4336;
}
