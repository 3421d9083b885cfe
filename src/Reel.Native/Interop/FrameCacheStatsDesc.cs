using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Cache;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_cache_stats_t</c> (an output struct).</summary>
[CType("reel_frame_cache_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FrameCacheStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public AccessPattern pattern;
    public double hit_rate;
    public ulong hits;
    public ulong misses;
    public ulong repeats;
    public fixed ulong pattern_hits[5];
    public fixed ulong pattern_misses[5];
    public ulong inserts;
    public ulong duplicate_inserts;
    public ulong demand_requests;
    public ulong prefetch_issued;
    public ulong prefetch_used;
    public ulong prefetch_wasted;
    public ulong prefetch_cancelled;
    public ulong requests_abandoned;
    public ulong evictions;
    public ulong bytes_held;
    public uint ring_frames;
    public uint lru_frames;
    public uint queued_requests;
    public uint in_flight_requests;

    public static uint FirstPublishedSize => 216;
}
