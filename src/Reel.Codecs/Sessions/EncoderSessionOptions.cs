using Reel.Backends;
using Reel.Codecs.Containers;
using Reel.Codecs.Encoders;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>How to create an <see cref="EncoderSession"/>: the codec settings and the session's own.</summary>
internal sealed class EncoderSessionOptions
{
    /// <summary>Default bound of the input queue.</summary>
    public const int DefaultQueueDepth = 8;

    /// <summary>Largest input queue.</summary>
    public const int MaxQueueDepth = 64;

    /// <summary>Codec settings (copied by the session).</summary>
    public required EncoderSettings Settings { get; init; }

    /// <summary>Backend the host asked for.</summary>
    public CodecBackend Backend { get; init; }

    /// <summary>
    /// The backend already chosen for <see cref="Backend"/> by a caller that checked the settings
    /// against it (the movie writer does so before it creates its file); null lets the session
    /// choose and check.
    /// </summary>
    public IEncoderFactory? Factory { get; init; }

    /// <summary>Frames the input queue holds before submit answers NotReady.</summary>
    public int QueueDepth { get; init; } = DefaultQueueDepth;

    /// <summary>The host's byte pool for packets; null makes the session create its own.</summary>
    public Pool? PacketPool { get; init; }

    /// <summary>Label in logs and pool names.</summary>
    public string Name { get; init; } = "encoder";

    /// <summary>Receives packets instead of the output queue (the movie writer); null for the queue.</summary>
    public IPacketSink? Sink { get; init; }

    /// <summary>How messages name the settings struct: "desc" (reel_encoder_create) or "settings" (the movie writer).</summary>
    public string ArgumentName { get; init; } = "desc";

    /// <summary>Whether <see cref="QueueDepth"/> is in range (the C API checks it where the desc is read).</summary>
    public bool HasValidQueueDepth => QueueDepth is >= 1 and <= MaxQueueDepth;
}
