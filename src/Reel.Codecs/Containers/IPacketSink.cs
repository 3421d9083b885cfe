using Reel.Abi;
using Reel.Codecs.Encoders;

namespace Reel.Codecs.Containers;

/// <summary>
/// Where an encoder session writes packets when it has a sink instead of an output queue (the
/// movie writer's IVF file): called on the session's worker thread as each packet comes out of
/// the codec, so a file has every finished packet even if the process dies a moment later.
/// </summary>
internal interface IPacketSink
{
    /// <summary>
    /// Writes one packet (its bytes are valid during the call); messages start with
    /// <paramref name="function"/>. An error fails the session with that result and message.
    /// </summary>
    ReelResult Write(in EncodedPacket packet, string function);
}
