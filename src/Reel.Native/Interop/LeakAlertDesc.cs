using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Memory;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_leak_alert_t</c> (library to host, through reel_leak_fn).</summary>
[CType("reel_leak_alert_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LeakAlertDesc
{
    public uint struct_size;
    public MemoryCategory category;
    public ulong time_ns;
    public ulong frame;
    public ulong snapshot_index;
    public double category_bytes_per_minute;
    public ulong category_bytes;
    public double trend;
    public byte* object_name;
    public ulong pool;
    public double object_bytes_per_minute;
    public ulong object_bytes;
    public uint suspect_count;
    public uint reserved;
    public LeakSuspects suspects;
}
