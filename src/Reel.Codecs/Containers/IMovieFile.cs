using System;
using Reel.Abi;
using Reel.Containers;

namespace Reel.Codecs.Containers;

/// <summary>
/// The file a movie writer records into: an IVF file Reel writes itself, or an MP4/MOV/WebM/MKV
/// file of a container backend. The encoder session's worker writes video packets through
/// <see cref="IPacketSink"/>; the host's thread writes sound; the movie writer finishes it.
/// </summary>
internal interface IMovieFile : IPacketSink, IDisposable
{
    /// <summary>Bytes in the file so far, headers included (read from any thread).</summary>
    long FileBytes { get; }

    /// <summary>Whether the file has a sound track.</summary>
    bool HasAudio { get; }

    /// <summary>Encodes and writes interleaved PCM (the sound track's format), after what was written before.</summary>
    ReelResult WriteAudio(ReadOnlySpan<byte> samples, int frames, string function);

    /// <summary>Completes the file once every video packet is in (IVF: patches the frame count; containers: trailer, faststart).</summary>
    ReelResult Finish(string function);

    /// <summary>Sound and container counters (zero for IVF).</summary>
    MovieMuxerStats ContainerStats { get; }
}
