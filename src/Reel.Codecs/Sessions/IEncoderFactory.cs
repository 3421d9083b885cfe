using Reel.Abi;
using Reel.Codecs.Encoders;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Makes encoders of one backend. <see cref="CodecBackends"/> holds the registered factories
/// and picks one for AUTO: the seam where a hardware encoder (a GPU device with video encode)
/// plugs in next to SVT-AV1.
/// </summary>
internal interface IEncoderFactory
{
    /// <summary>Software or Hardware.</summary>
    CodecBackend Kind { get; }

    /// <summary>Short name for messages and probes, e.g. "SVT-AV1".</summary>
    string Name { get; }

    /// <summary>What the backend accepts.</summary>
    EncoderCapabilities Capabilities { get; }

    /// <summary>Whether the backend can create encoders now; <paramref name="description"/> is its version ("SVT-AV1 1.4.1") or why not.</summary>
    bool IsAvailable(out string description);

    /// <summary>Checks settings against the backend's ranges and rules; messages start with <paramref name="prefix"/>.</summary>
    ReelResult Check(EncoderSettings settings, string prefix);

    /// <summary>Starts an encoder for settings that passed <see cref="Check"/>.</summary>
    ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder);
}
