using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_decoder_stats_t</c> (an output struct).</summary>
[CType("reel_decoder_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct DecoderStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public CodecBackend backend;
    public ulong packets_in;
    public ulong bytes_in;
    public ulong frames_out;
    public double decode_fps;
    public double elapsed_seconds;
    public uint width;
    public uint height;
    public PixelFormat format;
    public uint frames_in_use;
    public ulong frame_pool;
    public uint pools_created;
    public uint reserved;
    public ulong corrupt_packets;
    public ulong frames_copied;
    public ulong pool_misses;

    public static uint FirstPublishedSize => 104;
}
