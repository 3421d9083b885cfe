using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_encoder_stats_t</c> (an output struct).</summary>
[CType("reel_encoder_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct EncoderStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public CodecBackend backend;
    public ulong frames_in;
    public ulong frames_out;
    public ulong packets_received;
    public ulong bytes_out;
    public double average_bitrate;
    public double encode_fps;
    public double elapsed_seconds;
    public uint queue_depth;
    public uint queue_capacity;
    public uint packets_waiting;
    public uint from_pool;
    public ulong dropped;
    public ulong packet_pool_stalls;
    public ulong keyframes;
    public double latency_ms_last;
    public double latency_ms_mean;
    public double latency_ms_max;
    public double latency_frames_mean;
    public uint latency_frames_last;
    public uint latency_frames_max;

    public static uint FirstPublishedSize => 104;
}
