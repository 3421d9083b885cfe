namespace Reel.Containers;

/// <summary>Counters of a movie file being written by a container backend.</summary>
/// <param name="FileBytes">Bytes in the file (after end: the final file).</param>
/// <param name="OverheadBytes">File bytes minus the packet bytes given to the container (may be negative: MP4/MKV drop AV1 temporal delimiters).</param>
/// <param name="AudioSamples">Samples per channel the host wrote.</param>
/// <param name="AudioPackets">Coded audio packets written.</param>
/// <param name="AudioBytes">Bytes of those packets.</param>
/// <param name="AudioCodedSeconds">Length of the coded audio (end pts) in seconds.</param>
public readonly record struct MovieMuxerStats(long FileBytes, long OverheadBytes, long AudioSamples, long AudioPackets, long AudioBytes, double AudioCodedSeconds);
