using System;
using Reel.Abi;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Codecs.Sessions;

/// <summary>
/// One encoder instance as a session drives it: the protocol of <see cref="Svt.SvtAv1Encoder"/>
/// (send, receive without blocking, flush, receive until the end), which any backend (a GPU
/// encoder later) implements. Used by one thread at a time: the session's worker.
/// </summary>
internal interface IEncoder : IDisposable
{
    /// <summary>Whether the instance is as created (no frame, no flush): only such an instance can serve another session.</summary>
    bool IsUnused { get; }

    /// <summary>Whether the stream is over: flushed and every packet received.</summary>
    bool IsEndOfStream { get; }

    /// <summary>Native bytes Reel can see the instance hold (charged to MemoryCategory.Codec while it lives).</summary>
    long VisibleNativeBytes { get; }

    /// <summary>Submits one frame (copied or consumed before the call returns); messages start with <paramref name="function"/>.</summary>
    ReelResult SendFrame(in I420Frame frame, long pts, bool forceKeyframe, string function);

    /// <summary>Next packet; NotReady when none yet (before flush) or at the end (after flush).</summary>
    ReelResult ReceivePacket(string function, out EncodedPacket packet);

    /// <summary>Ends the stream.</summary>
    ReelResult Flush(string function);
}
