using Reel.Backends;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>Counters of a decoder session (<c>reel_decoder_stats_t</c>), read under its lock.</summary>
internal readonly record struct DecoderSessionStats(
    CodecBackend Backend,
    long PacketsIn,
    long BytesIn,
    long FramesOut,
    double DecodeFps,
    double ElapsedSeconds,
    int Width,
    int Height,
    PixelFormat Format,
    int FramesInUse,
    Handle FramePool,
    int PoolsCreated,
    long CorruptPackets,
    long FramesCopied,
    long PoolMisses);
