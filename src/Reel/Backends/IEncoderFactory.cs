using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Backends;

/// <summary>
/// Makes encoders of one codec for one backend. A backend lists its factories in
/// <see cref="IBackend.Encoders"/>; <see cref="BackendRegistry"/> picks one for a session
/// (hardware first for AUTO).
/// </summary>
public interface IEncoderFactory
{
    /// <summary>Software or Hardware: what AUTO prefers and what HARDWARE / SOFTWARE select.</summary>
    CodecBackend Kind { get; }

    /// <summary>The codec it encodes.</summary>
    VideoCodec Codec { get; }

    /// <summary>Short name for messages and probes, e.g. "SVT-AV1".</summary>
    string Name { get; }

    /// <summary>What the backend accepts.</summary>
    EncoderCapabilities Capabilities { get; }

    /// <summary>The frames its encoders take: CPU planes, GPU surfaces of some kind, or both.</summary>
    FrameInputs Inputs { get; }

    /// <summary>Whether the backend can create encoders now; <paramref name="description"/> is its version ("SVT-AV1 1.4.1") or why not.</summary>
    bool IsAvailable(out string description);

    /// <summary>Checks settings against the backend's ranges and rules; messages start with <paramref name="prefix"/>.</summary>
    ReelResult Check(EncoderSettings settings, string prefix);

    /// <summary>Starts an encoder for settings that passed <see cref="Check"/>.</summary>
    ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder);
}
