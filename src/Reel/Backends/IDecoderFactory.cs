using Reel.Abi;
using Reel.Codecs.Decoders;
using Reel.Context;

namespace Reel.Backends;

/// <summary>Makes decoders of one codec for one backend; listed in <see cref="IBackend.Decoders"/> like <see cref="IEncoderFactory"/>.</summary>
public interface IDecoderFactory
{
    /// <summary>Software or Hardware.</summary>
    CodecBackend Kind { get; }

    /// <summary>The codec it decodes.</summary>
    VideoCodec Codec { get; }

    /// <summary>Short name, e.g. "dav1d".</summary>
    string Name { get; }

    /// <summary>What the backend decodes.</summary>
    DecoderCapabilities Capabilities { get; }

    /// <summary>Whether the backend can create decoders now; its version or why not.</summary>
    bool IsAvailable(out string description);

    /// <summary>Opens a decoder whose frames come from frame pools of <paramref name="context"/> holding <paramref name="framesHeld"/> host frames besides the decoder's own.</summary>
    ReelResult Create(ReelContext context, string name, DecoderSettings settings, int framesHeld, string function, out IDecoder? decoder);
}
