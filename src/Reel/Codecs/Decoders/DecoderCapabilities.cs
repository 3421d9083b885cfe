using System.Collections.Generic;
using Reel.Codecs.Encoders;

namespace Reel.Codecs.Decoders;

/// <summary>What one decoder backend can decode. Immutable.</summary>
public sealed class DecoderCapabilities
{
    /// <summary>Creates a description.</summary>
    public DecoderCapabilities(string backendName, int maxWidth, int maxHeight, IReadOnlyList<Av1Profile> profiles,
        IReadOnlyList<int> bitDepths, IReadOnlyList<PixelLayout> layouts)
    {
        BackendName = backendName;
        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
        Profiles = profiles;
        BitDepths = bitDepths;
        Layouts = layouts;
    }

    /// <summary>Name of the backend, e.g. "dav1d".</summary>
    public string BackendName { get; }

    /// <summary>Largest width in pixels.</summary>
    public int MaxWidth { get; }

    /// <summary>Largest height in pixels.</summary>
    public int MaxHeight { get; }

    /// <summary>AV1 profiles decoded.</summary>
    public IReadOnlyList<Av1Profile> Profiles { get; }

    /// <summary>Bit depths decoded.</summary>
    public IReadOnlyList<int> BitDepths { get; }

    /// <summary>Chroma layouts decoded.</summary>
    public IReadOnlyList<PixelLayout> Layouts { get; }
}
