using System.IO;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Containers;
using Reel.Codecs.Encoders;
using Reel.Containers;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Which file a movie writer records into, and making it: IVF through Reel's own writer, the
/// other containers through the registered container backend (FFmpeg). Everything that can be
/// refused is refused before the file is touched.
/// </summary>
internal static class MovieFiles
{
    /// <summary>
    /// The container of <paramref name="path"/>: the desc's when set, else the extension's;
    /// an unknown extension is IVF for the legacy begin and an error otherwise. A container
    /// backend container is checked (available, holds the codecs, takes the sound); IVF
    /// refuses a <paramref name="codec"/> other than AV1, naming <paramref name="codecField"/>.
    /// </summary>
    public static ReelResult Resolve(string path, MovieOptions movie, VideoCodec codec, string codecField, string function, out ContainerFormat container)
    {
        container = movie.Container;
        if (!ContainerFormats.IsDefined(container))
            return CodecErrors.InvalidArgument(
                $"{function}: {movie.ArgumentPrefix}container is {(int)container}; allowed REEL_CONTAINER_AUTO (0) to REEL_CONTAINER_MATROSKA (5)");
        if (container == ContainerFormat.Auto)
        {
            container = ContainerFormats.FromExtension(path);
            if (container == ContainerFormat.Auto)
            {
                if (movie.StrictExtension)
                    return CodecErrors.InvalidArgument(
                        $"{function}: path ends in \"{Path.GetExtension(path)}\", which names no container; allowed {ContainerFormats.KnownExtensions}, or set {movie.ArgumentPrefix}container");
                container = ContainerFormat.Ivf;
            }
        }
        if (container == ContainerFormat.Ivf)
        {
            // IVF stores AV1 temporal units; an H.264/HEVC stream there would be unreadable.
            if (codec != VideoCodec.Av1)
                return CodecErrors.Unsupported(
                    $"{function}: {codecField} is {BackendRegistry.CodecName(codec)} and '{path}' is IVF; IVF holds AV1 only (write H.264 and HEVC to .mp4, .mov or .mkv)");
            return movie.Audio is null
                ? ReelResult.Success
                : CodecErrors.Unsupported($"{function}: IVF holds video only; {movie.ArgumentPrefix}audio_codec must be REEL_AUDIO_CODEC_NONE, or write .mp4, .webm or .mkv");
        }
        IContainerBackend? backend = BackendRegistry.ContainerBackend;
        if (backend is null)
            return CodecErrors.Unavailable($"{function}: {ContainerFormats.Name(container)} needs the FFmpeg backend, which this libreel does not register");
        if (!backend.ContainersAvailable(out string reason))
            return CodecErrors.Unavailable($"{function}: {ContainerFormats.Name(container)} is unavailable: {reason}");
        return ReelResult.Success;
    }

    /// <summary>Creates the file: IVF with its header, or a container backend's muxer (checked first).</summary>
    public static ReelResult Create(string path, ContainerFormat container, EncoderSettings settings, MovieOptions movie, string function, out IMovieFile? file)
    {
        file = null;
        if (container == ContainerFormat.Ivf)
        {
            ReelResult made = IvfWriter.Create(path, (int)settings.Width, (int)settings.Height, settings.FpsDenominator, settings.FpsNumerator, function, out IvfWriter? ivf);
            if (made != ReelResult.Success)
                return made;
            var sink = new IvfPacketSink(ivf!);
            sink.Start();
            file = sink;
            return ReelResult.Success;
        }
        IContainerBackend backend = BackendRegistry.ContainerBackend!;
        var video = new VideoTrackSettings(settings.Codec, (int)settings.Width, (int)settings.Height, (int)settings.FpsNumerator, (int)settings.FpsDenominator);
        var muxerSettings = new MovieMuxerSettings(path, container, video, movie.Audio, movie.Faststart, movie.FlushIntervalMs);
        IMovieMuxer? muxer = null;
        ReelResult result = backend.CheckMovie(muxerSettings, function, movie.ArgumentPrefix);
        if (result == ReelResult.Success)
            result = backend.CreateMovie(muxerSettings, function, out muxer);
        if (result != ReelResult.Success)
            return result;
        file = new ContainerPacketSink(muxer!, movie.Audio is not null);
        return ReelResult.Success;
    }
}
