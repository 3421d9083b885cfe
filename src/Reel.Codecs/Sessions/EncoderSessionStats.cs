using Reel.Backends;

namespace Reel.Codecs.Sessions;

/// <summary>Counters of an encoder session (<c>reel_encoder_stats_t</c>), read at one instant under the session's lock.</summary>
internal readonly record struct EncoderSessionStats(
    CodecBackend Backend,
    long FramesIn,
    long FramesOut,
    long PacketsReceived,
    long BytesOut,
    double AverageBitrate,
    double EncodeFps,
    double ElapsedSeconds,
    int QueueDepth,
    int QueueCapacity,
    int PacketsWaiting,
    bool FromPool,
    long Dropped,
    long PacketPoolStalls,
    long Keyframes,
    long FramesHeld,
    long Reconfigurations,
    LatencyFigures Latency);
