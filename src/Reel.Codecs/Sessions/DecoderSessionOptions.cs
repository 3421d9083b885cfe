using Reel.Backends;
using Reel.Codecs.Decoders;

namespace Reel.Codecs.Sessions;

/// <summary>How to create a <see cref="DecoderSession"/>.</summary>
internal sealed class DecoderSessionOptions
{
    /// <summary>Default of <see cref="FramesHeld"/>.</summary>
    public const int DefaultFramesHeld = 4;

    /// <summary>Largest <see cref="FramesHeld"/>.</summary>
    public const int MaxFramesHeld = 256;

    /// <summary>Codec settings (threads, frame delay, film grain, size limit).</summary>
    public required DecoderSettings Settings { get; init; }

    /// <summary>Backend the host asked for.</summary>
    public CodecBackend Backend { get; init; }

    /// <summary>Decoded frames the host may hold at once; sizes the frame pool.</summary>
    public int FramesHeld { get; init; } = DefaultFramesHeld;

    /// <summary>Label in logs and pool names.</summary>
    public string Name { get; init; } = "decoder";
}
