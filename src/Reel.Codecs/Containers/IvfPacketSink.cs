using System;
using System.Threading;
using Reel.Abi;
using Reel.Containers;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Writes an encoder session's packets straight into an IVF file from the session's worker:
/// each temporal unit is handed to the operating system before the next packet is taken, so a
/// process killed mid-recording leaves a file whose complete frames decode.
/// </summary>
internal sealed class IvfPacketSink : IMovieFile
{
    private readonly IvfWriter _writer;
    private long _bytes;

    /// <summary>Writes to <paramref name="writer"/>, which this sink owns.</summary>
    public IvfPacketSink(IvfWriter writer) => _writer = writer;

    /// <inheritdoc/>
    public long FileBytes => Interlocked.Read(ref _bytes);

    /// <inheritdoc/>
    public bool HasAudio => false;

    /// <inheritdoc/>
    public MovieMuxerStats ContainerStats => default;

    /// <inheritdoc/>
    public ReelResult Write(in EncodedPacket packet, string function)
    {
        ReelResult result = _writer.WriteFrame(packet.Span, packet.Pts, function, "the encoder's packet");
        if (result == ReelResult.Success)
            Interlocked.Exchange(ref _bytes, _writer.BytesWritten);
        return result;
    }

    /// <summary>Notes the header bytes written before the first packet.</summary>
    public void Start() => Interlocked.Exchange(ref _bytes, _writer.BytesWritten);

    /// <inheritdoc/>
    public ReelResult WriteAudio(ReadOnlySpan<byte> samples, int frames, string function)
        => LastError.Set(ReelResult.ErrorBadState, $"{function}: the movie is IVF, which holds video only");

    /// <inheritdoc/>
    public ReelResult Finish(string function)
    {
        ReelResult result = _writer.End(function);
        Interlocked.Exchange(ref _bytes, _writer.BytesWritten);
        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
