namespace Reel.Codecs.Sessions;

/// <summary>
/// Frames-in to packet-out latency of an encoder session (<see cref="EncoderLatency"/>): over
/// <see cref="Samples"/> packets, the latest, largest and mean number of frames submitted
/// between a frame and its packet, and the same in milliseconds of wall time.
/// </summary>
internal readonly record struct LatencyFigures(
    long Samples,
    long LastFrames,
    long MaxFrames,
    double MeanFrames,
    double LastMilliseconds,
    double MaxMilliseconds,
    double MeanMilliseconds);
