using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_pool_stats_t</c> (an output struct).</summary>
[CType("reel_pool_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct PoolStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint capacity;
    public uint allocated;
    public uint available;
    public uint in_use;
    public uint peak_in_use;
    public ulong acquires;
    public ulong releases;
    public ulong misses;
    public ulong waits;
    public ulong wait_ns;
    public ulong grows_past_cap;
    public ulong trims;
    public ulong bytes_held;

    public static uint FirstPublishedSize => 88;
}
