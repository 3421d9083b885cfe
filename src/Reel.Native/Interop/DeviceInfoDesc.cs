using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_device_info_t</c> (an output struct).</summary>
[CType("reel_device_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DeviceInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint api_version;
    public nint vk_instance;
    public nint vk_physical_device;
    public nint vk_device;
    public nint vk_get_instance_proc_addr;
    public fixed int queue_family[5];
    public uint adopted;
    public QueuePointers vk_queue;
    public uint validation;
    public uint max_frames_in_flight;
    public ulong validation_errors;
    public ulong validation_warnings;
    public ulong frame;
    public fixed byte device_name[256];
    public fixed byte driver_name[256];

    public static uint FirstPublishedSize => 648;
}
