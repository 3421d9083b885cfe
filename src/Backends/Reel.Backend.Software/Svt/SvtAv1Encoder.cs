using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Reel.Abi;
using Reel.Errors;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// A software AV1 encoder on SVT-AV1 1.4.1. Frames go in with <see cref="SendFrame"/> (SVT-AV1
/// copies them, so the caller may reuse its buffer at once); packets come out with
/// <see cref="ReceivePacket"/>; <see cref="Flush"/> ends the stream. Not thread-safe: one
/// thread at a time, any thread. SVT-AV1 runs its own worker threads (about 17 even with one
/// logical processor) and logs to stderr (environment SVT_LOG: 0 fatal to 4 debug).
/// </summary>
public sealed unsafe class SvtAv1Encoder : IDisposable, IEncoder
{
    /// <summary>Lifecycle of the stream.</summary>
    private enum State
    {
        /// <summary>Created; no frame submitted yet.</summary>
        Ready,
        /// <summary>Frames submitted; packets are drained without blocking.</summary>
        Encoding,
        /// <summary>End of stream sent; receiving blocks until the next packet.</summary>
        Flushing,
        /// <summary>The last packet came out.</summary>
        Finished,
        /// <summary>SVT-AV1 reported an error; only Dispose is useful.</summary>
        Failed,
    }

    private readonly SvtAv1Library _library;
    private readonly EncoderSettings _settings;
    private readonly PacketQueue _packets = new();
    private void* _handle;
    private void* _config;
    private EbBufferHeaderType* _input;
    private EbSvtIOFormat* _picture;
    private State _state;
    private long _lastPts;
    private string _failure = "";

    private SvtAv1Encoder(SvtAv1Library library, EncoderSettings settings)
    {
        _library = library;
        _settings = settings;
    }

    /// <summary>What this backend accepts (SVT-AV1 1.4.1, 8-bit 4:2:0 input).</summary>
    public static EncoderCapabilities Capabilities => SvtParameters.Capabilities;

    /// <summary>The version the installed library reports (e.g. "1.4.1"), or null when it is unavailable.</summary>
    public static string? LibraryVersion
        => SvtAv1Library.Load(SvtAv1Library.DefaultName, out SvtAv1Library? library) == ReelResult.Success ? library!.Version : null;

    /// <summary>Whether libSvtAv1Enc.so.1 loads and is a tested version; if not, why.</summary>
    public static bool IsAvailable(out string reason)
    {
        if (SvtAv1Library.Load(SvtAv1Library.DefaultName, out _) == ReelResult.Success)
        {
            reason = "";
            return true;
        }
        reason = Reel.Errors.LastError.Message;
        return false;
    }

    /// <summary>The settings the encoder was created with (a copy).</summary>
    public EncoderSettings Settings => _settings.Clone();

    /// <summary>Frames accepted by <see cref="SendFrame"/>.</summary>
    public long FramesSubmitted { get; private set; }

    /// <summary>Packets handed out by <see cref="ReceivePacket"/>.</summary>
    public long PacketsReceived { get; private set; }

    /// <summary>Packets drained from SVT-AV1 and waiting for <see cref="ReceivePacket"/>.</summary>
    public int QueuedPackets => _packets.Count;

    /// <summary>
    /// Whether the encoder is as created: no frame submitted and not flushed. Only such an
    /// encoder can serve another stream (SVT-AV1 has no reset), so session pools keep only these.
    /// </summary>
    public bool IsUnused => _handle != null && _state == State.Ready;

    /// <summary>Bytes of native memory Reel allocated for this encoder and can see (the opaque configuration block and the input descriptors; SVT-AV1's own buffers are not visible).</summary>
    public static long VisibleNativeBytes => SvtConstants.ConfigurationBlockSize + sizeof(EbBufferHeaderType) + sizeof(EbSvtIOFormat);

    /// <inheritdoc cref="VisibleNativeBytes"/>
    long IEncoder.VisibleNativeBytes => VisibleNativeBytes;

    /// <summary>Whether the stream is over: flushed and every packet received.</summary>
    public bool IsEndOfStream => _state == State.Finished && _packets.Count == 0;

    /// <summary>
    /// Validates <paramref name="settings"/>, loads SVT-AV1 and starts an encoder. Errors:
    /// ErrorInvalidArgument / ErrorUnsupported for settings (message names the field and the
    /// allowed range), ErrorUnsupported when the library is missing or untested,
    /// ErrorOutOfMemory when SVT-AV1 lacks resources.
    /// </summary>
    public static ReelResult Create(EncoderSettings settings, string function, out SvtAv1Encoder? encoder)
        => Create(settings, SvtAv1Library.DefaultName, function, out encoder);

    /// <summary><see cref="Create(EncoderSettings, out SvtAv1Encoder?)"/> with the library loaded by <paramref name="libraryName"/>.</summary>
    internal static ReelResult Create(EncoderSettings settings, string libraryName, string function, out SvtAv1Encoder? encoder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Settings are checked once, where they enter the engine (SvtEncoderFactory.Check).
        Debug.Assert(settings.Validate(SvtParameters.Capabilities) == ReelResult.Success && SvtParameters.CheckBackendRules(settings, "") == ReelResult.Success,
            $"{function}: settings that failed the check: {LastError.Message}");
        encoder = null;
        ReelResult result = SvtAv1Library.Load(libraryName, function, out SvtAv1Library? library);
        if (result != ReelResult.Success)
            return result;
        var created = new SvtAv1Encoder(library!, settings.Clone());
        result = created.Start(function);
        if (result != ReelResult.Success)
        {
            created.Release();
            return result;
        }
        encoder = created;
        return ReelResult.Success;
    }

    /// <summary>
    /// <see cref="IEncoder.SendFrame"/>: SVT-AV1 reads CPU planes only (<see cref="SvtEncoderFactory.Inputs"/>);
    /// a GPU surface is refused with the reason, before anything reaches the codec.
    /// </summary>
    ReelResult IEncoder.SendFrame(in FrameRef frame, long pts, bool forceKeyframe, string function)
    {
        if (frame.IsSurface)
            return CodecErrors.Unsupported($"{function}: SVT-AV1 encodes CPU frames only; the frame is a {frame.Surface.Kind} GPU surface (read it back into a Reel frame first)");
        return SendFrame(frame.Planes, pts, forceKeyframe, function);
    }

    /// <summary>
    /// Submits one frame with presentation time <paramref name="pts"/> (strictly increasing),
    /// then drains every packet already finished into the queue without blocking. May wait
    /// while SVT-AV1's input pool is full (back-pressure, never a deadlock, because the output
    /// side is drained after every send). <paramref name="forceKeyframe"/> needs CRF or CQP.
    /// Errors: a frame of other dimensions or bad planes, a non-increasing pts, a submit after
    /// <see cref="Flush"/>, a failed encoder.
    /// </summary>
    public ReelResult SendFrame(in I420Frame frame, long pts, bool forceKeyframe, string function)
    {
        ObjectDisposedException.ThrowIf(_handle == null, this);
        if (_state is State.Flushing or State.Finished)
            return CodecErrors.InvalidState($"{function}: the encoder was flushed; no frame can follow the end of the stream");
        if (_state == State.Failed)
            return CodecErrors.CodecFailure($"{function}: the encoder failed earlier: {_failure}");
        ReelResult result = frame.Check(function, (int)_settings.Width, (int)_settings.Height);
        if (result != ReelResult.Success)
            return result;
        if (_state == State.Encoding && pts <= _lastPts)
            return CodecErrors.InvalidArgument($"{function}: pts is {pts}; allowed values above the previous frame's pts {_lastPts}");
        if (forceKeyframe && !SvtParameters.Capabilities.CanForceKeyframes(_settings))
            return CodecErrors.Unsupported(_settings.IsLowDelay && _settings.RateControl != RateControlMode.Cbr
                ? $"{function}: force_keyframe with prediction REEL_PREDICTION_LOW_DELAY; SVT-AV1 forces keyframes only in random access (with REEL_RATE_CONTROL_CRF and REEL_RATE_CONTROL_CQP)"
                : $"{function}: force_keyframe with rate_control {CNames.EnumMember(_settings.RateControl, "REEL_RATE_CONTROL_")}; SVT-AV1 forces keyframes only with REEL_RATE_CONTROL_CRF and REEL_RATE_CONTROL_CQP");

        result = Send(frame, pts, forceKeyframe);
        if (result != ReelResult.Success)
            return Reported(result, function);
        FramesSubmitted++;
        _lastPts = pts;
        _state = State.Encoding;
        return Reported(DrainAvailable(), function);
    }

    /// <summary>
    /// Hands out the next packet. Before <see cref="Flush"/> it never blocks: NotReady means
    /// "submit more frames". After Flush it waits for the encoder to finish the next packet;
    /// once the last one is out it returns NotReady and <see cref="IsEndOfStream"/> is true.
    /// The packet's bytes stay valid until the next ReceivePacket or Dispose. Calling it
    /// before any frame was submitted (and without Flush) is an error.
    /// </summary>
    public ReelResult ReceivePacket(string function, out EncodedPacket packet)
    {
        ObjectDisposedException.ThrowIf(_handle == null, this);
        packet = default;
        switch (_state)
        {
            case State.Ready:
                return CodecErrors.InvalidState($"{function}: no frame was submitted; submit a frame (or flush) first");
            case State.Failed:
                return CodecErrors.CodecFailure($"{function}: the encoder failed: {_failure}");
            case State.Encoding:
                if (_packets.Count == 0)
                {
                    ReelResult drained = DrainAvailable();
                    if (drained != ReelResult.Success)
                        return Reported(drained, function);
                }
                break;
            case State.Flushing:
                if (_packets.Count == 0)
                {
                    ReelResult waited = WaitForPacket(discard: false);
                    if (waited != ReelResult.Success)
                        return Reported(waited, function);
                }
                break;
        }
        if (!_packets.TryDequeue(out packet))
            return ReelResult.NotReady;
        PacketsReceived++;
        return ReelResult.Success;
    }

    /// <summary>
    /// Ends the stream: no frame may follow, and <see cref="ReceivePacket"/> then returns the
    /// remaining packets. Flushing an encoder that never got a frame returns promptly with no
    /// packets (SVT-AV1 itself would hang: a hidden frame is encoded and discarded). A second
    /// Flush does nothing.
    /// </summary>
    public ReelResult Flush(string function)
    {
        ObjectDisposedException.ThrowIf(_handle == null, this);
        switch (_state)
        {
            case State.Failed:
                return CodecErrors.CodecFailure($"{function}: the encoder failed earlier: {_failure}");
            case State.Flushing or State.Finished:
                return ReelResult.Success;
            case State.Ready:
                return FinishWithoutFrames(function);
        }
        ReelResult result = DrainAvailable();
        if (result != ReelResult.Success)
            return Reported(result, function);
        result = SendEndOfStream();
        if (result == ReelResult.Success)
            _state = State.Flushing;
        return Reported(result, function);
    }

    /// <summary>
    /// Stops the encoder and frees everything. An unfinished stream is ended and drained first
    /// (its packets discarded), because SVT-AV1's teardown otherwise drains by itself or, with
    /// no frame submitted, hangs. A second call does nothing.
    /// </summary>
    public void Dispose()
    {
        if (_handle == null)
            return;
        switch (_state)
        {
            case State.Ready:
                FinishWithoutFrames(DisposeLabel);
                break;
            case State.Encoding:
                if (SendEndOfStream() == ReelResult.Success)
                {
                    _state = State.Flushing;
                    DrainToEnd();
                }
                break;
            case State.Flushing:
                DrainToEnd();
                break;
        }
        Release();
    }

    private ReelResult Start(string function)
    {
        _config = NativeMemory.AllocZeroed(SvtConstants.ConfigurationBlockSize);
        _input = (EbBufferHeaderType*)NativeMemory.AllocZeroed((nuint)sizeof(EbBufferHeaderType));
        _picture = (EbSvtIOFormat*)NativeMemory.AllocZeroed((nuint)sizeof(EbSvtIOFormat));
        lock (_library.LifecycleLock)
        {
            void* handle = null;
            int error = _library.InitHandle(&handle, null, _config);
            if (error != SvtConstants.ErrorNone || handle == null)
                return Failure("svt_av1_enc_init_handle", error, function);
            _handle = handle;
            foreach (KeyValuePair<string, string> parameter in SvtParameters.Build(_settings))
            {
                error = Parse(parameter.Key, parameter.Value);
                if (error != SvtConstants.ErrorNone)
                    return CodecErrors.CodecFailure(
                        $"{function}: SVT-AV1 {_library.Version} refused parameter {parameter.Key}={parameter.Value}: {SvtConstants.ErrorName(error)}");
            }
            error = _library.SetParameter(_handle, _config);
            if (error != SvtConstants.ErrorNone)
                return CodecErrors.InvalidArgument(
                    $"{function}: SVT-AV1 refused the settings: svt_av1_enc_set_parameter returned {SvtConstants.ErrorName(error)} (its stderr log names the field)");
            error = _library.Init(_handle);
            if (error != SvtConstants.ErrorNone)
            {
                // A failed init leaves no threads behind, so deinit_handle alone is the right teardown.
                return Failure("svt_av1_enc_init", error, function);
            }
        }
        return ReelResult.Success;
    }

    private int Parse(string key, string value)
    {
        Span<byte> keyBytes = stackalloc byte[64];
        Span<byte> valueBytes = stackalloc byte[64];
        int keyLength = Encoding.UTF8.GetBytes(key, keyBytes);
        int valueLength = Encoding.UTF8.GetBytes(value, valueBytes);
        keyBytes[keyLength] = 0;
        valueBytes[valueLength] = 0;
        fixed (byte* k = keyBytes)
        fixed (byte* v = valueBytes)
            return _library.ParseParameter(_config, k, v);
    }

    private ReelResult Send(in I420Frame frame, long pts, bool forceKeyframe)
    {
        *_picture = default;
        _picture->luma = frame.Y;
        _picture->cb = frame.U;
        _picture->cr = frame.V;
        _picture->y_stride = (uint)frame.YStride;
        _picture->cb_stride = (uint)frame.UStride;
        _picture->cr_stride = (uint)frame.VStride;
        _picture->width = (uint)frame.Width;
        _picture->height = (uint)frame.Height;
        *_input = default;
        _input->size = (uint)sizeof(EbBufferHeaderType);
        _input->p_buffer = (byte*)_picture;
        _input->n_filled_len = (uint)((long)frame.YStride * frame.Height + ((long)frame.UStride + frame.VStride) * frame.ChromaHeight);
        _input->pts = pts;
        _input->pic_type = forceKeyframe ? SvtConstants.KeyPicture : SvtConstants.InvalidPicture;
        int error = _library.SendPicture(_handle, _input);
        return error == SvtConstants.ErrorNone ? ReelResult.Success : Fail("svt_av1_enc_send_picture", error);
    }

    private ReelResult SendEndOfStream()
    {
        *_input = default;
        _input->size = (uint)sizeof(EbBufferHeaderType);
        _input->flags = SvtConstants.BufferFlagEos;
        _input->pic_type = SvtConstants.InvalidPicture;
        int error = _library.SendPicture(_handle, _input);
        return error == SvtConstants.ErrorNone ? ReelResult.Success : Fail("svt_av1_enc_send_picture (end of stream)", error);
    }

    /// <summary>Moves every finished packet into the queue without blocking.</summary>
    private ReelResult DrainAvailable()
    {
        while (true)
        {
            EbBufferHeaderType* output = null;
            int error = _library.GetPacket(_handle, &output, 0);
            if (error == SvtConstants.NoErrorEmptyQueue)
                return ReelResult.Success;
            ReelResult result = Take(error, output, discard: false, out _);
            if (result != ReelResult.Success)
                return result;
        }
    }

    /// <summary>After end of stream: blocks until the next packet is queued (or the last one was).</summary>
    private ReelResult WaitForPacket(bool discard)
    {
        while (_state == State.Flushing)
        {
            EbBufferHeaderType* output = null;
            int error = _library.GetPacket(_handle, &output, 1);
            if (error == SvtConstants.NoErrorEmptyQueue)
            {
                // Nothing will come any more: the end-of-stream packet was already taken.
                _state = State.Finished;
                break;
            }
            ReelResult result = Take(error, output, discard, out bool queued);
            if (result != ReelResult.Success || queued)
                return result;
        }
        return ReelResult.Success;
    }

    /// <summary>Blocks until the end-of-stream packet, discarding every packet.</summary>
    private void DrainToEnd()
    {
        while (_state == State.Flushing && WaitForPacket(discard: true) == ReelResult.Success)
        {
        }
    }

    /// <summary>Copies one output packet into the queue (unless discarding) and gives SVT-AV1 its buffer back.</summary>
    private ReelResult Take(int error, EbBufferHeaderType* output, bool discard, out bool queued)
    {
        queued = false;
        if (error != SvtConstants.ErrorNone || output == null)
        {
            if (output != null)
                _library.ReleaseOutBuffer(&output);
            return Fail("svt_av1_enc_get_packet", error);
        }
        uint flags = output->flags;
        long pts = output->pts;
        bool ok = true;
        if ((flags & SvtConstants.BufferFlagErrorMask) == 0 && !discard && output->n_filled_len > 0)
        {
            ok = _packets.Enqueue(output->p_buffer, (int)output->n_filled_len, pts, output->dts, output->pic_type == SvtConstants.KeyPicture);
            queued = ok;
        }
        _library.ReleaseOutBuffer(&output);
        if ((flags & SvtConstants.BufferFlagErrorMask) != 0)
            return Fail($"svt_av1_enc_get_packet (packet pts {pts}, flags 0x{flags:X8})", SvtConstants.ErrorMax);
        if (!ok)
        {
            _failure = $"a packet of pts {pts} could not be queued: out of memory";
            _state = State.Failed;
            return ReelResult.ErrorOutOfMemory;
        }
        // The end-of-stream flag rides on the last real packet, which was queued above.
        if ((flags & SvtConstants.BufferFlagEos) != 0)
            _state = State.Finished;
        return ReelResult.Success;
    }

    /// <summary>Zero frames: SVT-AV1 hangs on end of stream, so encode one grey frame and discard it.</summary>
    private ReelResult FinishWithoutFrames(string function)
    {
        ReelResult result = I420Buffer.Create((int)_settings.Width, (int)_settings.Height, function, out I420Buffer? grey);
        if (result != ReelResult.Success)
            return result;
        using (grey)
        {
            I420Frame frame = grey!.Frame;
            new Span<byte>(frame.Y, frame.YStride * frame.Height).Fill(128);
            new Span<byte>(frame.U, frame.UStride * frame.ChromaHeight).Fill(128);
            new Span<byte>(frame.V, frame.VStride * frame.ChromaHeight).Fill(128);
            result = Send(frame, 0, forceKeyframe: false);
        }
        if (result != ReelResult.Success)
            return Reported(result, function);
        result = SendEndOfStream();
        if (result != ReelResult.Success)
            return Reported(result, function);
        _state = State.Flushing;
        DrainToEnd();
        _packets.Clear();
        return _state == State.Failed ? CodecErrors.CodecFailure($"{function}: {_failure}") : ReelResult.Success;
    }

    /// <summary>
    /// Records that the encoder failed in <paramref name="call"/>; every later call reports it.
    /// The message is composed by the public method that meets the failure (<see cref="Reported"/>),
    /// which knows the function the caller is in.
    /// </summary>
    private ReelResult Fail(string call, int error)
    {
        _failure = $"{call} returned {SvtConstants.ErrorName(error)}";
        _state = State.Failed;
        return error == SvtConstants.ErrorInsufficientResources ? ReelResult.ErrorOutOfMemory : ReelResult.ErrorInternal;
    }

    /// <summary>A failure result of a private step, with the message for <paramref name="function"/> when the encoder has failed.</summary>
    private ReelResult Reported(ReelResult result, string function) =>
        result < 0 && _state == State.Failed ? LastError.Set(result, $"{function}: {_failure}") : result;

    /// <summary>The label of failures during Dispose (nobody reads them).</summary>
    private const string DisposeLabel = "disposing the SVT-AV1 encoder";

    private ReelResult Failure(string call, int error, string function)
    {
        string message = $"{function}: {call} returned {SvtConstants.ErrorName(error)}";
        return error == SvtConstants.ErrorInsufficientResources ? CodecErrors.OutOfMemory(message) : CodecErrors.CodecFailure(message);
    }

    /// <summary>Tears down the library objects and frees native memory.</summary>
    private void Release()
    {
        if (_handle != null)
        {
            lock (_library.LifecycleLock)
            {
                // deinit after a successful init; after a failed one it is a no-op in the library.
                _library.Deinit(_handle);
                _library.DeinitHandle(_handle);
            }
            _handle = null;
        }
        NativeMemory.Free(_config);
        NativeMemory.Free(_input);
        NativeMemory.Free(_picture);
        _config = null;
        _input = null;
        _picture = null;
        _packets.Dispose();
    }
}
