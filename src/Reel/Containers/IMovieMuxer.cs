using System;
using Reel.Abi;
using Reel.Codecs.Encoders;

namespace Reel.Containers;

/// <summary>
/// One movie file being written by a container backend (MP4/MOV/WebM/MKV through FFmpeg):
/// video packets from the encoder's worker thread, PCM from the host's thread. Thread-safe:
/// implementations serialise calls. Failures set the thread's last error (naming the path
/// for I/O) and return its result; after a failure what was written stays playable.
/// </summary>
public interface IMovieMuxer : IDisposable
{
    /// <summary>Writes one video packet (pts/dts in frames of the frame rate); the container may hold it until it can interleave.</summary>
    ReelResult WriteVideo(in EncodedPacket packet, string function);

    /// <summary>Encodes and writes <paramref name="frames"/> samples per channel of interleaved PCM in the track's format, after the samples written before.</summary>
    ReelResult WriteAudio(ReadOnlySpan<byte> samples, int frames, string function);

    /// <summary>Drains the audio encoder, writes the trailer and (MP4/MOV) the faststart rewrite.</summary>
    ReelResult End(string function);

    /// <summary>The counters now.</summary>
    MovieMuxerStats GetStats();
}
