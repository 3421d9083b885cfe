using System.Threading;
using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Writes an encoder session's packets straight into an IVF file from the session's worker:
/// each temporal unit is handed to the operating system before the next packet is taken, so a
/// process killed mid-recording leaves a file whose complete frames decode.
/// </summary>
internal sealed class IvfPacketSink : IPacketSink
{
    private readonly IvfWriter _writer;
    private long _bytes;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public IvfPacketSink(IvfWriter writer) => _writer = writer;

    /// <summary>Bytes in the file so far, headers included (read from any thread).</summary>
    public long FileBytes => Interlocked.Read(ref _bytes);

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
}
