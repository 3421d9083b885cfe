using System;
using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Backends;

/// <summary>
/// One encoder instance as a session drives it: send, receive without blocking, flush, receive
/// until the end. Every backend implements it (SVT-AV1 in the software backend; a GPU or
/// FFmpeg encoder the same way). Used by one thread at a time: the session's worker.
/// </summary>
public interface IEncoder : IDisposable
{
    /// <summary>Whether the instance is as created (no frame, no flush): only such an instance can serve another session.</summary>
    bool IsUnused { get; }

    /// <summary>Whether the stream is over: flushed and every packet received.</summary>
    bool IsEndOfStream { get; }

    /// <summary>Native bytes Reel can see the instance hold (charged to MemoryCategory.Codec while it lives).</summary>
    long VisibleNativeBytes { get; }

    /// <summary>
    /// Submits one frame: CPU planes or a GPU surface, of a kind the factory lists in
    /// <see cref="IEncoderFactory.Inputs"/>. CPU planes are copied or consumed before the call
    /// returns; a surface is read before its <see cref="GpuSurface.Signal"/> point is signalled.
    /// Messages start with <paramref name="function"/>.
    /// </summary>
    ReelResult SendFrame(in FrameRef frame, long pts, bool forceKeyframe, string function);

    /// <summary>Next packet; NotReady when none yet (before flush) or at the end (after flush).</summary>
    ReelResult ReceivePacket(string function, out EncodedPacket packet);

    /// <summary>Ends the stream.</summary>
    ReelResult Flush(string function);

    /// <summary>Submitted frames the codec still reads (holding a reference each); 0 for encoders that copy during SendFrame. Safe from any thread.</summary>
    long FramesHeld => 0;
}
