using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Telemetry;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_memory_stats_t</c> (an output struct).</summary>
[CType("reel_memory_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MemoryStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public PressureLevel pressure;
    public ulong bytes;
    public ulong peak_bytes;
    public ulong budget;
    public fixed ulong category_bytes[7];
    public fixed ulong category_peak_bytes[7];
    public ulong frame;
    public ulong frames_dropped;
    public ulong snapshots;
    public ulong alerts;
    public uint pools;
    public uint buffers_out;
    public uint deferred_pending;
    public uint reserved;

    public static uint FirstPublishedSize => 192;
}
