using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_soak_result_t</c> (an output struct).</summary>
[CType("reel_soak_result_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SoakResultDesc : IVersionedStruct
{
    public uint struct_size;
    public uint reserved;
    public ulong frames;
    public double virtual_hours;
    public double wall_seconds;
    public ulong snapshots;
    public ulong alerts;
    public long leak_start_snapshot;
    public long first_alert_snapshot;
    public double steady_growth_bytes_per_hour;
    public ulong peak_bytes;
    public ulong final_bytes;
    public ulong frames_dropped;
    public ulong alert_tag;
    public fixed byte alert_object[64];

    public static uint FirstPublishedSize => 168;
}
