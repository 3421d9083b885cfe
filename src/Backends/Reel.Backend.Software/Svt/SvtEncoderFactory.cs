using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Backend.Software.Svt;

/// <summary>The software AV1 encoder: SVT-AV1, loaded by <see cref="SoftwareBackend.SvtLibraryName"/>.</summary>
internal sealed class SvtEncoderFactory : IEncoderFactory
{
    /// <inheritdoc/>
    public CodecBackend Kind => CodecBackend.Software;

    /// <inheritdoc/>
    public VideoCodec Codec => VideoCodec.Av1;

    /// <inheritdoc/>
    public string Name => "SVT-AV1";

    /// <inheritdoc/>
    public FrameInputs Inputs => FrameInputs.CpuI420;

    /// <inheritdoc/>
    public EncoderCapabilities Capabilities => SvtAv1Encoder.Capabilities;

    /// <inheritdoc/>
    public bool IsAvailable(out string description)
    {
        string name = SoftwareBackend.SvtLibraryName;
        if (SvtAv1Library.Load(name, out SvtAv1Library? library) == ReelResult.Success)
        {
            description = $"SVT-AV1 {library!.Version} ({name})";
            return true;
        }
        description = Errors.LastError.Message;
        return false;
    }

    /// <inheritdoc/>
    public ReelResult Check(EncoderSettings settings, string prefix)
    {
        ReelResult result = settings.Validate(Capabilities, prefix);
        return result != ReelResult.Success ? result : SvtParameters.CheckBackendRules(settings, prefix);
    }

    /// <inheritdoc/>
    public ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder)
    {
        ReelResult result = SvtAv1Encoder.Create(settings, SoftwareBackend.SvtLibraryName, function, out SvtAv1Encoder? created);
        encoder = created;
        return result;
    }
}
