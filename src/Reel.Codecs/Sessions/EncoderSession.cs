using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Containers;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>
/// An encode session (<c>reel_encoder_t</c>): frames go into a bounded input queue without
/// blocking, a worker thread per session feeds them to the codec (SVT-AV1 copies each picture,
/// then the session releases the frame) and turns every finished packet into a pooled byte
/// buffer in the output queue, or hands it to a sink. Every public method is thread-safe;
/// the codec itself is touched only by the worker.
/// </summary>
/// <remarks>
/// Why a worker: SVT-AV1's send_picture blocks while its input pool is full, and a flush
/// blocks until the look-ahead is encoded (seconds at 1080p). On the worker, submit and
/// receive only take a lock, so a game's frame loop never waits for the encoder unless it asks
/// to (a timeout).
/// </remarks>
internal sealed partial class EncoderSession : IContextAttachment
{
    /// <summary>Most sessions alive at once in the process.</summary>
    public const int MaxLiveSessions = 4096;

    /// <summary>Live sessions by handle.</summary>
    public static readonly HandleTable<EncoderSession> Table = new(HandleType.Encoder, MaxLiveSessions);

    private readonly ReelContext _context;
    private readonly EncoderSettings _settings;
    private readonly IEncoderFactory _factory;
    private readonly EncoderSettingsKey _key;
    private readonly EncoderSessionPool? _sessionPool;
    private readonly bool _fromPool;
    private readonly IEncoder _encoder;
    private readonly Pool? _packetPool;
    private readonly bool _ownsPacketPool;
    private readonly IPacketSink? _sink;
    private readonly int _queueDepth;
    private readonly string _name;

    private readonly object _lock = new();
    private readonly Queue<InputFrame> _input;
    private readonly Queue<Handle> _output;
    private Thread? _worker;

    // State, under _lock.
    private bool _anySubmitted;
    private long _lastPts;
    private bool _flushRequested;
    private bool _finished;
    private bool _stopping;
    private bool _destroyed;
    private ReelResult _failure;
    private string _failureMessage = "";

    // Counters, under _lock.
    private long _framesIn;
    /// <summary>Frames the worker handed to the codec (each gives one packet): more than <see cref="_framesOut"/> while some are in the codec.</summary>
    private long _framesSent;
    private long _framesOut;
    private long _packetsReceived;
    private long _bytesOut;
    private long _dropped;
    private long _stalls;
    private long _keyframes;
    private long _firstSubmitTicks;
    private long _lastPacketTicks;
    private readonly EncoderLatency _latency = new();

    private EncoderSession(ReelContext context, EncoderSessionOptions options, IEncoderFactory factory, IEncoder encoder,
        EncoderSessionPool? sessionPool, bool fromPool, EncoderSettingsKey poolKey, Pool? packetPool, bool ownsPacketPool)
    {
        _context = context;
        _settings = options.Settings.Clone();
        _factory = factory;
        // The configuration the encoder was started with (another bitrate when the pool reconfigured it).
        _key = poolKey;
        _sessionPool = sessionPool;
        _fromPool = fromPool;
        _encoder = encoder;
        _packetPool = packetPool;
        _ownsPacketPool = ownsPacketPool;
        _sink = options.Sink;
        _queueDepth = options.QueueDepth;
        _name = options.Name;
        _input = new Queue<InputFrame>(_queueDepth);
        _output = new Queue<Handle>(16);
    }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; private set; }

    /// <summary>The owning context.</summary>
    public ReelContext Context => _context;

    /// <summary>The settings the session encodes with (its own copy).</summary>
    public EncoderSettings Settings => _settings;

    /// <summary>
    /// Checks <paramref name="options"/>, picks the backend (a pooled idle encoder of the same
    /// configuration if the context's session pool has one), sets up the packet pool, starts
    /// the worker and registers the session. Messages start with <paramref name="function"/>
    /// and name fields as "desc->field".
    /// </summary>
    public static ReelResult Create(ReelContext context, EncoderSessionOptions options, string function, out EncoderSession? session)
    {
        session = null;
        string prefix = $"{function}: {options.ArgumentName}->";
        Debug.Assert(options.HasValidQueueDepth, $"queue depth {options.QueueDepth} reached the session unchecked");
        ReelResult result;
        Pool? packetPool = options.PacketPool;
        if (packetPool is not null && packetPool.Kind != PoolKind.Bytes)
            return CodecErrors.InvalidArgument($"{prefix}packet_pool is {packetPool.Kind.ToString().ToLowerInvariant()} pool '{packetPool.Name}'; allowed a byte pool (reel_byte_pool_create) or NULL");
        if (packetPool is not null && packetPool.Context != context)
            return CodecErrors.InvalidArgument($"{prefix}packet_pool belongs to another context; allowed a byte pool of this context or NULL");
        // The settings are checked once, where the backend is picked (or where the caller picked it).
        IEncoderFactory? factory = options.Factory;
        if (factory is null && (result = BackendRegistry.SelectEncoder(options.Backend, options.Settings, context.Log, function, prefix, out factory)) != ReelResult.Success)
            return result;
        Debug.Assert(factory!.Check(options.Settings, prefix) == ReelResult.Success, $"settings reached the session unchecked: {LastError.Message}");

        EncoderSessionPool? sessionPool = EncoderSessionPool.Find(context);
        IEncoder? encoder = null;
        EncoderSettingsKey poolKey = EncoderSettingsKey.Of(options.Settings, factory!.Name);
        bool fromPool = sessionPool is not null && sessionPool.TryTake(poolKey, options.Settings, function, out encoder, out poolKey);
        if (!fromPool)
        {
            result = EncoderInstances.Create(factory!, options.Settings, context, function, out encoder);
            if (result != ReelResult.Success)
                return result;
        }

        bool ownsPacketPool = false;
        if (packetPool is null && options.Sink is null)
        {
            result = CreatePacketPool(context, options, function, out BytePool? created);
            if (result != ReelResult.Success)
            {
                Release(sessionPool, poolKey, encoder!, context);
                return result;
            }
            packetPool = created;
            ownsPacketPool = true;
        }

        var made = new EncoderSession(context, options, factory!, encoder!, sessionPool, fromPool, poolKey, packetPool, ownsPacketPool);
        if (!Table.TryAdd(made, out Handle handle))
        {
            made.TearDown();
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxLiveSessions} encoders are alive, the most Reel allows; destroy one first");
        }
        made.Handle = handle;
        if (!context.Attach(made))
        {
            Table.TryRemove(handle, out _);
            made.TearDown();
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: context is being destroyed");
        }
        made._worker = new Thread(made.Work) { IsBackground = true, Name = "reel-encoder" };
        made._worker.Start();
        if (context.Log.IsEnabled(LogLevel.Info))
        {
            context.Log.Write(LogLevel.Info,
                $"encoder '{made._name}' created: {factory!.Name} ({factory.Kind}), {options.Settings.Width}x{options.Settings.Height} " +
                $"{options.Settings.FpsNumerator}/{options.Settings.FpsDenominator} fps, {options.Settings.RateControl}, speed {options.Settings.EffectiveSpeedPreset}, " +
                $"queue {options.QueueDepth}{(fromPool ? ", from the session pool" : "")}");
        }
        session = made;
        return ReelResult.Success;
    }

    /// <summary>
    /// Queues <paramref name="frame"/> (an I420 frame of the session's size) with presentation
    /// time <paramref name="pts"/>, strictly above the previous frame's. The session takes its
    /// own reference; the caller keeps (and must release) its own. When the queue is full:
    /// NotReady at once with <paramref name="timeoutMs"/> 0, otherwise a wait of up to that
    /// long (<see cref="PoolConfig.WaitForever"/> = no limit) and Timeout; both count as dropped.
    /// </summary>
    public ReelResult Submit(Handle frame, long pts, bool forceKeyframe, uint timeoutMs, string function)
    {
        if ((_factory.Inputs & FrameInputs.CpuI420) == 0)
            return CodecErrors.Unsupported($"{function}: the encoder runs on {_factory.Name}, which takes {_factory.Inputs} frames, not CPU frames");
        ReelResult result = FrameViews.ResolveI420(frame, function, "frame", (int)_settings.Width, (int)_settings.Height, out _);
        return result != ReelResult.Success ? result : Enqueue(FrameRef.Pooled(frame), pts, forceKeyframe, timeoutMs, function);
    }

    /// <summary>
    /// Queues a GPU surface of the session's size, as <see cref="Submit(Handle, long, bool, uint, string)"/>
    /// queues a frame: the backend the session runs on must take that kind of surface (its
    /// <see cref="IEncoderFactory.Inputs"/>), else ErrorUnsupported naming both. The surface is
    /// read after its <see cref="GpuSurface.Wait"/> point; no reference is counted.
    /// </summary>
    public ReelResult SubmitSurface(in GpuSurface surface, long pts, bool forceKeyframe, uint timeoutMs, string function)
    {
        FrameRef frame = FrameRef.Gpu(surface);
        if ((_factory.Inputs & frame.Input) == 0)
            return CodecErrors.Unsupported($"{function}: the encoder runs on {_factory.Name}, which takes {_factory.Inputs} frames; the frame is a {surface.Kind} GPU surface");
        if (surface.Width != _settings.Width || surface.Height != _settings.Height)
            return CodecErrors.InvalidArgument($"{function}: the surface is {surface.Width}x{surface.Height}; allowed {_settings.Width}x{_settings.Height} (the size the encoder was created with)");
        return Enqueue(frame, pts, forceKeyframe, timeoutMs, function);
    }

    /// <summary>The queueing both kinds of input share: keyframe rule, order of pts, back-pressure, the session's reference on a pooled buffer.</summary>
    private ReelResult Enqueue(in FrameRef frame, long pts, bool forceKeyframe, uint timeoutMs, string function)
    {
        ReelResult result;
        if (forceKeyframe && !_factory.Capabilities.CanForceKeyframes(_settings))
            return CodecErrors.Unsupported(_factory.Capabilities.CodesLowDelay(_settings) && _settings.RateControl != RateControlMode.Cbr
                ? $"{function}: flags has REEL_ENCODE_FLAG_KEYFRAME but prediction is REEL_PREDICTION_LOW_DELAY; {_factory.Name} forces keyframes only in random access"
                : $"{function}: flags has REEL_ENCODE_FLAG_KEYFRAME but rate_control is {CNames.EnumMember(_settings.RateControl, "REEL_RATE_CONTROL_")}; {_factory.Name} forces keyframes only with REEL_RATE_CONTROL_CRF and REEL_RATE_CONTROL_CQP");
        long deadline = Deadline(timeoutMs);
        bool first;
        lock (_lock)
        {
            while (true)
            {
                result = CheckOpen(function);
                if (result != ReelResult.Success)
                    return result;
                if (_anySubmitted && pts <= _lastPts)
                    return CodecErrors.InvalidArgument($"{function}: frame pts is {pts}; allowed values above the previous frame's pts {_lastPts}");
                if (_input.Count < _queueDepth)
                    break;
                if (!Wait(deadline))
                {
                    _dropped++;
                    return timeoutMs == 0 ? ReelResult.NotReady : ReelResult.Timeout;
                }
            }
            // A pooled frame must stay out until the worker has handed it to the codec.
            if (!frame.Buffer.IsNull && (result = Buffers.Retain(frame.Buffer, function)) != ReelResult.Success)
                return result;
            _input.Enqueue(new InputFrame(frame, pts, forceKeyframe));
            long now = Stopwatch.GetTimestamp();
            _latency.Submitted(pts, now);
            first = !_anySubmitted;
            if (first)
                _firstSubmitTicks = now;
            _anySubmitted = true;
            _lastPts = pts;
            _framesIn++;
            Monitor.PulseAll(_lock);
        }
        if (first)
            Spent();
        return ReelResult.Success;
    }

    /// <summary>
    /// Takes the next packet: a byte buffer whose one reference passes to the caller, with pts,
    /// dts, REEL_PACKET_FLAG_KEYFRAME and size set. NotReady (timeout 0) or Timeout when none
    /// came; EndOfStream once a flushed stream is drained. Receiving before any submit or flush
    /// is ErrorBadState.
    /// </summary>
    public ReelResult Receive(uint timeoutMs, string function, out Handle packet)
    {
        packet = Handle.Null;
        if (_sink is not null)
            return CodecErrors.InvalidState($"{function}: this encoder writes its packets to a file (movie writer); there is nothing to receive");
        long deadline = Deadline(timeoutMs);
        lock (_lock)
        {
            while (true)
            {
                if (_output.TryDequeue(out packet))
                {
                    _packetsReceived++;
                    Monitor.PulseAll(_lock);
                    return ReelResult.Success;
                }
                if (_failure != ReelResult.Success)
                    return Failed(function);
                if (_finished)
                    return ReelResult.EndOfStream;
                if (!_anySubmitted && !_flushRequested)
                    return CodecErrors.InvalidState($"{function}: no frame was submitted; submit a frame (or flush) first");
                if (!Wait(deadline))
                    return timeoutMs == 0 ? ReelResult.NotReady : ReelResult.Timeout;
            }
        }
    }

    /// <summary>Ends the stream: no frame may follow; receive returns the remaining packets, then EndOfStream. A second flush does nothing.</summary>
    public ReelResult Flush(string function)
    {
        bool first;
        lock (_lock)
        {
            if (_failure != ReelResult.Success)
                return Failed(function);
            first = !_anySubmitted && !_flushRequested;
            _flushRequested = true;
            Monitor.PulseAll(_lock);
        }
        if (first)
            Spent();
        return ReelResult.Success;
    }

    /// <summary>The codec got its first frame or flush: it can never serve another session, so the pool it came from starts a replacement.</summary>
    private void Spent()
    {
        if (_fromPool)
            _sessionPool!.OnSpent(_key, _encoder);
    }

    /// <summary>Waits until a flushed stream has been fully encoded (and written to the sink): Success, Timeout, or the session's failure.</summary>
    public ReelResult WaitForEnd(uint timeoutMs, string function)
    {
        long deadline = Deadline(timeoutMs);
        lock (_lock)
        {
            while (true)
            {
                if (_failure != ReelResult.Success)
                    return Failed(function);
                if (_finished)
                    return ReelResult.Success;
                if (!Wait(deadline))
                    return ReelResult.Timeout;
            }
        }
    }

    /// <summary>The counters now.</summary>
    public EncoderSessionStats GetStats()
    {
        lock (_lock)
        {
            double elapsed = _framesOut == 0 ? 0 : Stopwatch.GetElapsedTime(_firstSubmitTicks, _lastPacketTicks).TotalSeconds;
            double seconds = (double)_framesOut * _settings.FpsDenominator / _settings.FpsNumerator;
            return new EncoderSessionStats(
                _factory.Kind, _framesIn, _framesOut, _packetsReceived, _bytesOut,
                seconds > 0 ? _bytesOut * 8 / seconds : 0,
                elapsed > 0 ? _framesOut / elapsed : 0,
                _anySubmitted ? Stopwatch.GetElapsedTime(_firstSubmitTicks).TotalSeconds : 0,
                _input.Count, _queueDepth, _output.Count, _fromPool, _dropped, _stalls, _keyframes,
                _encoder.FramesHeld, (_encoder as ILiveBitrateEncoder)?.Reconfigurations ?? 0, _latency.Figures);
        }
    }

    /// <summary>
    /// Destroys the session of <paramref name="handle"/>: stops the worker, releases queued
    /// frames and unreceived packets, returns the encoder to the session pool or disposes it
    /// (an unfinished stream is ended and drained first), destroys an owned packet pool.
    /// Packets the host holds stay valid. NULL does nothing.
    /// </summary>
    public static ReelResult Destroy(Handle handle, string function)
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = Table.TryRemove(handle, out EncoderSession? session);
        if (error != HandleError.None)
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Encoder, "encoder"));
        session!._context.Detach(session);
        session.TearDown();
        return ReelResult.Success;
    }

    /// <summary>Resolves a handle to a live session.</summary>
    public static ReelResult Resolve(ulong raw, string function, out EncoderSession? session)
    {
        var handle = new Handle(raw);
        HandleError error = Table.TryGet(handle, out session);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Encoder, "encoder"));
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        if (Table.TryRemove(Handle, out _) == HandleError.None)
            TearDown();
    }

    private void TearDown()
    {
        Thread? worker;
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            _stopping = true;
            worker = _worker;
            Monitor.PulseAll(_lock);
        }
        worker?.Join();
        ReleaseQueued();
        Release(_sessionPool, _key, _encoder, _context);
        if (_ownsPacketPool)
            Pool.Destroy(_packetPool!.Handle, "reel_encoder_destroy");
        _context.Log.Write(LogLevel.Debug, $"encoder '{_name}' destroyed ({_framesIn} frames in, {_framesOut} packets out)");
    }

    /// <summary>Gives the encoder back to the session pool, or disposes it when the pool does not keep its configuration.</summary>
    private static void Release(EncoderSessionPool? pool, EncoderSettingsKey key, IEncoder encoder, ReelContext context)
    {
        if (pool is null || !pool.Return(key, encoder))
            EncoderInstances.Dispose(encoder, context);
    }

    /// <summary>Releases the session's references on frames not yet encoded and packets not yet received.</summary>
    private void ReleaseQueued()
    {
        lock (_lock)
        {
            DropQueuedFrames("reel_encoder_destroy");
            while (_output.TryDequeue(out Handle packet))
                Buffers.Release(packet, "reel_encoder_destroy");
        }
    }

    /// <summary>Empties the input queue, releasing the session's reference on each pooled frame. Under the lock.</summary>
    private void DropQueuedFrames(string function)
    {
        while (_input.TryDequeue(out InputFrame frame))
        {
            if (!frame.Frame.Buffer.IsNull)
                Buffers.Release(frame.Frame.Buffer, function);
        }
    }

    private static ReelResult CreatePacketPool(ReelContext context, EncoderSessionOptions options, string function, out BytePool? pool)
    {
        pool = null;
        // A packet is at most about one raw frame (an intra frame at the best quality); twice
        // that covers it. Classes from 4 KiB: most inter frames are small.
        long frameBytes = I420Frame.PackedSize((int)options.Settings.Width, (int)options.Settings.Height);
        ulong maxClass = Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)frameBytes * 2), 1UL << 20, BytePool.LargestClass);
        ReelResult result = PoolConfig.TryCreate(0, 32, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0, 0, PoolFlags.None, 32,
            $"{function}: packet pool ", out PoolConfig? config);
        if (result == ReelResult.Success)
            result = BytePool.Create(context, $"{options.Name} packets", 4096, maxClass, config!, function, out pool);
        return result;
    }

    /// <summary>Fails unless frames may still be submitted. Under the lock.</summary>
    private ReelResult CheckOpen(string function)
    {
        if (_failure != ReelResult.Success)
            return Failed(function);
        if (_flushRequested)
            return CodecErrors.InvalidState($"{function}: the encoder was flushed; no frame can follow the end of the stream");
        return ReelResult.Success;
    }

    private ReelResult Failed(string function) => LastError.Set(_failure, $"{function}: the encoder failed: {_failureMessage}");

    /// <summary>Waits on the lock until pulsed or the deadline; false when the deadline has passed. Under the lock.</summary>
    private bool Wait(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            Monitor.Wait(_lock);
            return true;
        }
        long remaining = deadline - Environment.TickCount64;
        if (remaining <= 0)
            return false;
        Monitor.Wait(_lock, (int)Math.Min(remaining, int.MaxValue));
        return true;
    }

    private static long Deadline(uint timeoutMs) => timeoutMs == PoolConfig.WaitForever
        ? long.MaxValue
        : Environment.TickCount64 + timeoutMs;

    /// <summary>A queued frame (the session's reference on a pooled buffer, or a surface), its pts and whether to force a keyframe.</summary>
    private readonly record struct InputFrame(FrameRef Frame, long Pts, bool ForceKeyframe);
}
