namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_muxer_option_t.</summary>
internal enum ShimMuxerOption
{
    /// <summary>MP4/MOV: 1 rewrites moov-first at end (default), 0 keeps the fragmented file.</summary>
    Faststart = 1,
    /// <summary>Longest stretch a crash may lose, in ms (fragment / cluster interval).</summary>
    FlushIntervalMs = 2,
    /// <summary>1: hand every packet to the OS at once.</summary>
    FlushPackets = 3,
}
