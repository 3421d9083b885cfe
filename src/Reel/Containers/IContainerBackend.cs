using Reel.Abi;

namespace Reel.Containers;

/// <summary>
/// A backend that writes and reads container files other than IVF (the FFmpeg backend).
/// The movie writer, the file decoders and the frame cache find it through
/// <see cref="Backends.BackendRegistry.ContainerBackend"/>, so they never reference a backend.
/// </summary>
public interface IContainerBackend
{
    /// <summary>Whether the backend can be used now; <paramref name="reason"/> says why not.</summary>
    bool ContainersAvailable(out string reason);

    /// <summary>
    /// Checks <paramref name="settings"/> without touching the file (the container holds the
    /// codecs, the audio format is one the codec takes); messages name
    /// <paramref name="argumentPrefix"/> + the C field.
    /// </summary>
    ReelResult CheckMovie(MovieMuxerSettings settings, string function, string argumentPrefix);

    /// <summary>Creates the file and a muxer for it (the header is written when the first keyframe brings the codec configuration).</summary>
    ReelResult CreateMovie(MovieMuxerSettings settings, string function, out IMovieMuxer? muxer);

    /// <summary>Opens a media file for reading (any container libavformat reads).</summary>
    ReelResult OpenMedia(string path, string function, out IMediaDemuxer? demuxer);

    /// <summary>Opens a file's best audio stream as interleaved PCM of <paramref name="format"/> (WAV, or the sound of a movie).</summary>
    ReelResult OpenAudio(string path, Pools.SampleFormat format, string function, out IAudioFileReader? reader);
}
