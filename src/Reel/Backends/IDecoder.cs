using System;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Pools;

namespace Reel.Backends;

/// <summary>
/// One decoder instance as a session drives it, producing Reel frame buffers (dav1d in the
/// software backend; any other backend the same way). Messages start with the function label
/// each call passes (the C function the host called). Used by one thread at a time (the session serialises calls); frame
/// buffers it hands out may be released on any thread.
/// </summary>
public interface IDecoder : IDisposable
{
    /// <summary>Gives the decoder one temporal unit (copied). NotReady: earlier data is pending; receive, then send the same data again.</summary>
    ReelResult Send(ReadOnlySpan<byte> data, long pts, string function);

    /// <summary>Next decoded frame with one reference for the caller; NotReady when none yet; EndOfStream after a flush is drained.</summary>
    ReelResult Receive(string function, out FrameRef frame);

    /// <summary>Ends the stream: Receive then returns the frames still inside, then EndOfStream.</summary>
    ReelResult Flush(string function);

    /// <summary>Drops every frame in flight and pending data, for a seek; a new stream may follow.</summary>
    void Reset();

    /// <summary>The pool decoded frames come from now; null before the first frame.</summary>
    FramePool? FramePool { get; }

    /// <summary>Frame pools created: 1 + resolution or format changes.</summary>
    int PoolsCreated { get; }

    /// <summary>Decoded pictures copied into a Reel frame instead of decoded into one (0 for zero-copy decoders).</summary>
    long FramesCopied => 0;

    /// <summary>Frame buffers the decoder's pools had to allocate (acquires no idle buffer served): the pools' misses.</summary>
    long PoolMisses => (long)(FramePool?.GetStats().Misses ?? 0);
}
