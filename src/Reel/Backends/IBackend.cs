using System.Collections.Generic;

namespace Reel.Backends;

/// <summary>
/// One backend in the <see cref="BackendRegistry"/>: a project under src/Backends (software
/// codecs, Vulkan, FFmpeg, ...) that reaches its native libraries lazily. It has a name and a
/// kind, reports whether it is usable now and why not, what it can do, and optionally makes
/// encoders and decoders. Implementations are thread-safe; probing may load libraries on
/// first use and never throws.
/// </summary>
public interface IBackend
{
    /// <summary>Short lower-case name as reel_backend_caps_t.name reports it, e.g. "software".</summary>
    string Name { get; }

    /// <summary>What it is (reel_backend_kind_t).</summary>
    BackendKind Kind { get; }

    /// <summary>Availability with the reason, implementation versions and capabilities, without a device.</summary>
    BackendDescription Describe();

    /// <summary>Its encoder factories (none for a backend that does not encode).</summary>
    IReadOnlyList<IEncoderFactory> Encoders { get; }

    /// <summary>Its decoder factories (none for a backend that does not decode).</summary>
    IReadOnlyList<IDecoderFactory> Decoders { get; }
}
