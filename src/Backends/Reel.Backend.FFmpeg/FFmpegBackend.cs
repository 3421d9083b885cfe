using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Backend.FFmpeg.Containers;
using Reel.Backend.FFmpeg.Codecs;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Containers;

namespace Reel.Backend.FFmpeg;

/// <summary>
/// The FFmpeg backend ("ffmpeg" in reel_backend_caps): the MP4/MOV, WebM and Matroska
/// containers, Opus and AAC audio, and the codecs libavcodec wraps, through the shim
/// libreel_ffmpeg.so. It is available when the shim and FFmpeg load (containers work then
/// even if no codec factory does); unavailable with the reason otherwise, while IVF, SVT-AV1
/// and dav1d keep working.
/// </summary>
public sealed class FFmpegBackend : IBackend, IContainerBackend
{
    /// <summary>Environment variable naming the shim to load instead of the one beside libreel.</summary>
    public const string LibraryVariable = ShimLocation.LibraryVariable;

    /// <summary>The containers the muxer writes (libavformat muxer names).</summary>
    public static readonly IReadOnlyList<string> Containers = ["mp4", "mov", "webm", "matroska"];

    // Codec factories (Codecs/): libavcodec's encoders and decoders as Reel codecs.
    private readonly IEncoderFactory[] _encoders = FFmpegCodecFactories.Encoders();
    private readonly IDecoderFactory[] _decoders = FFmpegCodecFactories.Decoders();

    /// <inheritdoc/>
    public string Name => "ffmpeg";

    /// <inheritdoc/>
    public BackendKind Kind => BackendKind.FFmpeg;

    /// <inheritdoc/>
    public IReadOnlyList<IEncoderFactory> Encoders => _encoders;

    /// <inheritdoc/>
    public IReadOnlyList<IDecoderFactory> Decoders => _decoders;

    /// <summary>Whether the shim loads here; <paramref name="reason"/> says why not.</summary>
    public static bool IsAvailable(out string reason) => FFmpegShim.TryGet(out reason) is not null;

    /// <inheritdoc/>
    public BackendDescription Describe()
    {
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        if (shim is null)
            return new BackendDescription { Kind = Kind, Name = Name, Available = false, UnavailableReason = reason };
        // The codec entries and their reasons come from the factories, as for the software backend.
        BackendDescription codecs = FactoryBackend.Describe(this);
        string driver = $"{shim.Description}; containers {string.Join(", ", Containers)}";
        return new BackendDescription
        {
            Kind = Kind,
            Name = Name,
            Available = true,
            Driver = codecs.Driver.Length == 0 ? driver : $"{driver}; {codecs.Driver}",
            UnavailableReason = codecs.UnavailableReason,
            Codecs = codecs.Codecs.ToList(),
        };
    }

    /// <inheritdoc/>
    public bool ContainersAvailable(out string reason) => IsAvailable(out reason);

    /// <inheritdoc/>
    public ReelResult CheckMovie(MovieMuxerSettings settings, string function, string argumentPrefix)
        => Shim(function, out FFmpegShim? shim) is var r && r != ReelResult.Success ? r : MovieChecks.Check(shim!, settings, function, argumentPrefix);

    /// <inheritdoc/>
    public ReelResult CreateMovie(MovieMuxerSettings settings, string function, out IMovieMuxer? muxer)
    {
        muxer = null;
        ReelResult result = Shim(function, out FFmpegShim? shim);
        return result != ReelResult.Success ? result : FFmpegMovieMuxer.Create(shim!, settings, function, out muxer);
    }

    /// <inheritdoc/>
    public ReelResult OpenMedia(string path, string function, out IMediaDemuxer? demuxer)
    {
        demuxer = null;
        ReelResult result = Shim(function, out FFmpegShim? shim);
        return result != ReelResult.Success ? result : FFmpegDemuxer.Open(shim!, path, function, out demuxer);
    }

    /// <inheritdoc/>
    public ReelResult OpenAudio(string path, Pools.SampleFormat format, string function, out IAudioFileReader? reader)
    {
        reader = null;
        ReelResult result = Shim(function, out FFmpegShim? shim);
        return result != ReelResult.Success ? result : Audio.FFmpegPcmReader.Open(shim!, path, format, function, out reader);
    }

    private static ReelResult Shim(string function, out FFmpegShim? shim)
    {
        shim = FFmpegShim.TryGet(out string reason);
        return shim is null ? CodecErrors.Unavailable($"{function}: {reason}") : ReelResult.Success;
    }
}
