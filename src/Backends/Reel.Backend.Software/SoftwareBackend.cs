using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Backend.Software.Dav1d;
using Reel.Backend.Software.Svt;
using Reel.Backends;

namespace Reel.Backend.Software;

/// <summary>
/// The software backend ("software" in reel_backend_caps): SVT-AV1 encodes AV1, dav1d decodes
/// it, both on the CPU into and out of Reel pools. Each library loads on first use; one that
/// is missing makes only its own codec unavailable, with the reason.
/// </summary>
public sealed class SoftwareBackend : IBackend
{
    /// <summary>Environment variable naming the SVT-AV1 library to load instead of libSvtAv1Enc.so.1 (a bundled copy; tests point it at a missing name).</summary>
    public const string SvtLibraryVariable = "REEL_SVTAV1_LIBRARY";

    /// <summary>Environment variable naming the dav1d library to load instead of libdav1d.so.6.</summary>
    public const string Dav1dLibraryVariable = "REEL_DAV1D_LIBRARY";

    private readonly IEncoderFactory[] _encoders = [new SvtEncoderFactory()];
    private readonly IDecoderFactory[] _decoders = [new Dav1dDecoderFactory()];

    /// <summary>The name SVT-AV1 is loaded by: <see cref="SvtLibraryVariable"/> if set, else libSvtAv1Enc.so.1.</summary>
    internal static string SvtLibraryName => Variable(SvtLibraryVariable) ?? SvtAv1Library.DefaultName;

    /// <summary>The name dav1d is loaded by: <see cref="Dav1dLibraryVariable"/> if set, else libdav1d.so.6.</summary>
    internal static string Dav1dLibraryName => Variable(Dav1dLibraryVariable) ?? Dav1dLibrary.DefaultName;

    /// <inheritdoc/>
    public string Name => "software";

    /// <inheritdoc/>
    public BackendKind Kind => BackendKind.Software;

    /// <inheritdoc/>
    public IReadOnlyList<IEncoderFactory> Encoders => _encoders;

    /// <inheritdoc/>
    public IReadOnlyList<IDecoderFactory> Decoders => _decoders;

    /// <inheritdoc/>
    public BackendDescription Describe() => FactoryBackend.Describe(this);

    private static string? Variable(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
