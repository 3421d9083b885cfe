using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_encoder_pool_stats_t</c> (an output struct).</summary>
[CType("reel_encoder_pool_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct EncoderPoolStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint configurations;
    public ulong requests;
    public ulong hits;
    public ulong misses;
    public ulong returned_unused;
    public ulong replenished;
    public ulong retired;
    public uint idle;
    public uint starting;
    public double reuse_rate;
    public ulong reconfigured;

    public static uint FirstPublishedSize => 80;
}
