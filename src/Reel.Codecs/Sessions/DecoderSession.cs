using System;
using System.Diagnostics;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Frames;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>
/// A decode session (<c>reel_decoder_t</c>): packets in, Reel frame buffers out, on the
/// caller's thread. dav1d decodes on its own worker threads (frame threading) and never blocks
/// a send (it answers "again" instead), so a Reel worker would add a hop and no parallelism.
/// Calls into dav1d pass one at a time through a <see cref="CallGate"/> (no lock is held while
/// dav1d runs and its picture allocator may log), so any thread may call; counters are read
/// under a short lock. Frames may be released on any thread, and dav1d's own references are
/// released on its workers.
/// </summary>
internal sealed class DecoderSession : IContextAttachment
{
    /// <summary>Most sessions alive at once in the process.</summary>
    public const int MaxLiveSessions = 4096;

    /// <summary>Live sessions by handle.</summary>
    public static readonly HandleTable<DecoderSession> Table = new(HandleType.Decoder, MaxLiveSessions);

    private readonly ReelContext _context;
    private readonly IDecoder _decoder;
    private readonly CodecBackend _backend;
    private readonly string _name;
    private readonly CallGate _gate = new();
    private readonly object _lock = new();
    private bool _destroyed;
    private long _packetsIn;
    private long _bytesIn;
    private long _framesOut;
    private long _corrupt;
    private long _firstPacketTicks;
    private long _lastFrameTicks;
    private int _width;
    private int _height;
    private PixelFormat _format;

    private DecoderSession(ReelContext context, IDecoder decoder, CodecBackend backend, string name)
    {
        _context = context;
        _decoder = decoder;
        _backend = backend;
        _name = name;
    }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; private set; }

    /// <summary>Checks the options, picks the backend, opens the decoder and registers the session.</summary>
    public static ReelResult Create(ReelContext context, DecoderSessionOptions options, string function, out DecoderSession? session)
    {
        session = null;
        string prefix = $"{function}: desc->";
        if (options.FramesHeld < 1 || options.FramesHeld > DecoderSessionOptions.MaxFramesHeld)
            return CodecErrors.InvalidArgument($"{prefix}frames_held is {options.FramesHeld}; allowed 1 to {DecoderSessionOptions.MaxFramesHeld}, or 0 for {DecoderSessionOptions.DefaultFramesHeld}");
        ReelResult result = DecoderOpener.Open(context, options, function, prefix, out IDecoderFactory? factory, out IDecoder? decoder);
        if (result != ReelResult.Success)
            return result;
        var made = new DecoderSession(context, decoder!, factory!.Kind, options.Name);
        if (!Table.TryAdd(made, out Handle handle))
        {
            decoder!.Dispose();
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxLiveSessions} decoders are alive, the most Reel allows; destroy one first");
        }
        made.Handle = handle;
        if (!context.Attach(made))
        {
            Table.TryRemove(handle, out _);
            decoder!.Dispose();
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: context is being destroyed");
        }
        context.Log.Write(LogLevel.Info, $"decoder '{options.Name}' created: {factory.Name} ({factory.Kind}), frames held {options.FramesHeld}");
        session = made;
        return ReelResult.Success;
    }

    /// <summary>Resolves a handle to a live session.</summary>
    public static ReelResult Resolve(ulong raw, string function, out DecoderSession? session)
    {
        var handle = new Handle(raw);
        HandleError error = Table.TryGet(handle, out session);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Decoder, "decoder"));
    }

    /// <summary>
    /// Gives the decoder one temporal unit (copied) with presentation time <paramref name="pts"/>.
    /// NotReady: earlier data is still pending; receive a frame, then submit the same data again.
    /// </summary>
    public ReelResult Submit(ReadOnlySpan<byte> data, long pts, string function)
    {
        _gate.Enter();
        try
        {
            if (_destroyed)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: decoder was destroyed");
            ReelResult result = _decoder.Send(data, pts, function);
            lock (_lock)
            {
                if (result == ReelResult.Success)
                {
                    if (_packetsIn == 0)
                        _firstPacketTicks = Stopwatch.GetTimestamp();
                    _packetsIn++;
                    _bytesIn += data.Length;
                }
                else if (result == ReelResult.ErrorCorruptData)
                {
                    _corrupt++;
                }
            }
            return result;
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Submits the payload of a byte buffer with its pts; the caller keeps its reference.</summary>
    public unsafe ReelResult SubmitPacket(Handle packet, string function)
    {
        ReelResult result = Buffers.GetBytes(packet, function, out BytesView view);
        if (result != ReelResult.Success)
            return result;
        return Submit(new ReadOnlySpan<byte>((void*)view.Memory, checked((int)view.Size)), view.Pts, function);
    }

    /// <summary>Next decoded frame (one reference passes to the caller): Success, NotReady, or EndOfStream after a drained flush.</summary>
    public ReelResult Receive(string function, out Handle frame)
    {
        frame = Handle.Null;
        _gate.Enter();
        try
        {
            if (_destroyed)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: decoder was destroyed");
            ReelResult result = _decoder.Receive(function, out FrameRef decoded);
            if (result == ReelResult.Success)
                result = decoded.RequireBuffer(function, out frame);
            FramePool? pool = _decoder.FramePool;
            lock (_lock)
            {
                if (result == ReelResult.Success)
                {
                    _framesOut++;
                    _lastFrameTicks = Stopwatch.GetTimestamp();
                    if (pool is not null)
                    {
                        _width = (int)pool.Layout.Width;
                        _height = (int)pool.Layout.Height;
                        _format = pool.Layout.Format;
                    }
                }
                else if (result == ReelResult.ErrorCorruptData)
                {
                    _corrupt++;
                }
            }
            return result;
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Ends the stream: no data may follow until <see cref="Reset"/>; receive drains the rest, then EndOfStream.</summary>
    public ReelResult Flush(string function)
    {
        _gate.Enter();
        try
        {
            return _destroyed
                ? LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: decoder was destroyed")
                : _decoder.Flush(function);
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Drops frames in flight and pending data (a seek); frames already received stay valid.</summary>
    public void Reset()
    {
        _gate.Enter();
        try
        {
            if (!_destroyed)
                _decoder.Reset();
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>The counters now.</summary>
    public DecoderSessionStats GetStats()
    {
        FramePool? pool = _decoder.FramePool;
        lock (_lock)
        {
            double elapsed = _framesOut == 0 ? 0 : Stopwatch.GetElapsedTime(_firstPacketTicks, _lastFrameTicks).TotalSeconds;
            return new DecoderSessionStats(_backend, _packetsIn, _bytesIn, _framesOut,
                elapsed > 0 ? _framesOut / elapsed : 0,
                _packetsIn == 0 ? 0 : Stopwatch.GetElapsedTime(_firstPacketTicks).TotalSeconds,
                _width, _height, _format, pool?.InUse ?? 0, pool?.Handle ?? Handle.Null, _decoder.PoolsCreated, _corrupt,
                _decoder.FramesCopied, _decoder.PoolMisses);
        }
    }

    /// <summary>Destroys the session of <paramref name="handle"/>; NULL does nothing. Frames the host holds stay valid.</summary>
    public static ReelResult Destroy(Handle handle, string function)
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = Table.TryRemove(handle, out DecoderSession? session);
        if (error != HandleError.None)
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Decoder, "decoder"));
        session!._context.Detach(session);
        session.TearDown();
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        if (Table.TryRemove(Handle, out _) == HandleError.None)
            TearDown();
    }

    private void TearDown()
    {
        _gate.Enter();
        try
        {
            if (_destroyed)
                return;
            _destroyed = true;
            _decoder.Dispose();
        }
        finally
        {
            _gate.Exit();
        }
        _context.Log.Write(LogLevel.Debug, $"decoder '{_name}' destroyed ({_packetsIn} packets in, {_framesOut} frames out)");
    }
}
