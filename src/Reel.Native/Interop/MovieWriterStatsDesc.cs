using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_movie_writer_stats_t</c> (an output struct).</summary>
[CType("reel_movie_writer_stats_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct MovieWriterStatsDesc : IVersionedStruct
{
    public uint struct_size;
    public uint queue_depth;
    public ulong frames_written;
    public ulong frames_encoded;
    public ulong file_bytes;
    public ulong frames_converted;
    public double encode_fps;
    public double average_bitrate;
    public double elapsed_seconds;
    public ulong audio_samples;
    public ulong audio_packets;
    public ulong audio_bytes;
    public double audio_bitrate;
    public long overhead_bytes;

    public static uint FirstPublishedSize => 64;
}
