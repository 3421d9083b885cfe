using System;
using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Containers;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// A movie file of a container backend (MP4/MOV/WebM/MKV through FFmpeg): the encoder session's
/// worker hands each packet to the muxer as the codec finishes it, the host's sound goes to
/// the same muxer, which interleaves both by timestamp.
/// </summary>
internal sealed class ContainerPacketSink : IMovieFile
{
    private readonly IMovieMuxer _muxer;

    /// <summary>Writes to <paramref name="muxer"/>, which this sink owns.</summary>
    public ContainerPacketSink(IMovieMuxer muxer, bool hasAudio)
    {
        _muxer = muxer;
        HasAudio = hasAudio;
    }

    /// <inheritdoc/>
    public long FileBytes => _muxer.GetStats().FileBytes;

    /// <inheritdoc/>
    public bool HasAudio { get; }

    /// <inheritdoc/>
    public MovieMuxerStats ContainerStats => _muxer.GetStats();

    /// <inheritdoc/>
    public ReelResult Write(in EncodedPacket packet, string function) => _muxer.WriteVideo(packet, function);

    /// <inheritdoc/>
    public ReelResult WriteAudio(ReadOnlySpan<byte> samples, int frames, string function) => _muxer.WriteAudio(samples, frames, function);

    /// <inheritdoc/>
    public ReelResult Finish(string function) => _muxer.End(function);

    /// <inheritdoc/>
    public void Dispose() => _muxer.Dispose();
}
