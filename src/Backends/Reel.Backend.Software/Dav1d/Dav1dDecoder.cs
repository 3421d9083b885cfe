using System;
using System.Diagnostics;
using Reel.Abi;
using Reel.Errors;
using Reel.Codecs;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// An AV1 decoder on dav1d (libdav1d.so.6). Temporal units go in with <see cref="SendData"/>
/// (copied, so the caller's buffer is free at once); pictures come out with
/// <see cref="GetPicture"/>, in memory from the <see cref="IPictureAllocator"/> given at
/// creation; <see cref="Flush"/> ends the stream and <see cref="Reset"/> drops everything for a
/// seek. Not thread-safe: one thread at a time, any thread. dav1d runs its own workers, which
/// may release pictures (through the allocator) at any time.
/// </summary>
public sealed unsafe class Dav1dDecoder : IDisposable
{
    /// <summary>What every libdav1d.so.6 decodes.</summary>
    public static DecoderCapabilities Capabilities { get; } = new(
        "dav1d", 65536, 65536,
        new[] { Av1Profile.Main, Av1Profile.High, Av1Profile.Professional },
        new[] { 8, 10, 12 },
        new[] { PixelLayout.I400, PixelLayout.I420, PixelLayout.I422, PixelLayout.I444 });

    private readonly Dav1dLibrary _library;
    private readonly Dav1dCallbacks _callbacks;
    private void* _context;

    /// <summary>Data dav1d has not taken yet (it answered EAGAIN or consumed only part).</summary>
    private Dav1dData _pending;

    private bool _anySent;

    /// <summary>Whether dav1d_send_data ran after the last dav1d_get_picture (dav1d then does not drain).</summary>
    private bool _sentSinceGet;
    private bool _flushing;
    private bool _finished;

    private Dav1dDecoder(Dav1dLibrary library, Dav1dCallbacks callbacks)
    {
        _library = library;
        _callbacks = callbacks;
    }

    /// <summary>The version the installed library reports (e.g. "1.0.0"), or null when it is unavailable.</summary>
    public static string? LibraryVersion
        => Dav1dLibrary.Load(Dav1dLibrary.DefaultName, out Dav1dLibrary? library) == ReelResult.Success ? library!.Version : null;

    /// <summary>Whether libdav1d.so.6 loads and has a supported version; if not, why.</summary>
    public static bool IsAvailable(out string reason)
    {
        if (Dav1dLibrary.Load(Dav1dLibrary.DefaultName, out _) == ReelResult.Success)
        {
            reason = "";
            return true;
        }
        reason = Reel.Errors.LastError.Message;
        return false;
    }

    /// <summary>Whether the stream is over: flushed and every picture handed out.</summary>
    public bool IsEndOfStream => _finished;

    /// <summary>
    /// Loads dav1d and opens a decoder whose pictures come from <paramref name="allocator"/>,
    /// for settings that passed <see cref="DecoderSettings.Validate"/> where they entered the
    /// engine. Errors (starting with <paramref name="function"/>): ErrorUnsupported when the
    /// library is missing, ErrorOutOfMemory when dav1d cannot start.
    /// </summary>
    public static ReelResult Create(DecoderSettings settings, IPictureAllocator allocator, string function, out Dav1dDecoder? decoder)
        => Create(settings, allocator, Dav1dLibrary.DefaultName, function, out decoder);

    /// <summary><see cref="Create(DecoderSettings, IPictureAllocator, string, out Dav1dDecoder?)"/> with the library loaded by <paramref name="libraryName"/>.</summary>
    internal static ReelResult Create(DecoderSettings settings, IPictureAllocator allocator, string libraryName, string function, out Dav1dDecoder? decoder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(allocator);
        Debug.Assert(settings.Validate() == ReelResult.Success, $"{function}: settings that failed the check: {LastError.Message}");
        decoder = null;
        ReelResult result = Dav1dLibrary.Load(libraryName, function, out Dav1dLibrary? library);
        if (result != ReelResult.Success)
            return result;
        var callbacks = new Dav1dCallbacks(allocator);
        Dav1dSettings native;
        library!.DefaultSettings(&native);
        native.n_threads = settings.Threads;
        native.max_frame_delay = settings.MaxFrameDelay;
        native.apply_grain = settings.ApplyFilmGrain ? 1 : 0;
        native.frame_size_limit = (uint)settings.FrameSizeLimit;
        callbacks.Install(&native);
        void* context = null;
        int error = library.Open(&context, &native);
        if (error < 0 || context == null)
        {
            callbacks.ReleaseOwner();
            string message = $"{function}: dav1d_open failed with {Describe(error)}{LogSuffix(callbacks)}";
            return error == Dav1dLibrary.ErrorNoMemory ? CodecErrors.OutOfMemory(message) : CodecErrors.CodecFailure(message);
        }
        decoder = new Dav1dDecoder(library, callbacks) { _context = context };
        return ReelResult.Success;
    }

    /// <summary>
    /// Gives the decoder one temporal unit (or any run of OBUs) with presentation time
    /// <paramref name="pts"/>, which the resulting picture carries. Returns Success when the
    /// data was taken, NotReady when the decoder still holds earlier data it could not take:
    /// call <see cref="GetPicture"/>, then send the same data again. Errors: empty data, data
    /// after <see cref="Flush"/>, and corrupt data (ErrorInvalidArgument with dav1d's reason);
    /// the decoder stays usable after corrupt data.
    /// </summary>
    public ReelResult SendData(ReadOnlySpan<byte> data, long pts, string function)
    {
        ObjectDisposedException.ThrowIf(_context == null, this);
        if (_flushing)
            return CodecErrors.InvalidState($"{function}: the decoder was flushed; call Reset before sending more data");
        if (data.IsEmpty)
            return CodecErrors.InvalidArgument($"{function}: data is empty; allowed 1 or more bytes");
        if (_pending.sz > 0)
        {
            ReelResult pushed = PushPending(function);
            if (pushed != ReelResult.Success)
                return pushed;
            if (_pending.sz > 0)
                return ReelResult.NotReady;
        }
        DropPending();
        byte* copy;
        fixed (Dav1dData* pending = &_pending)
            copy = _library.DataCreate(pending, (nuint)data.Length);
        if (copy == null)
            return CodecErrors.OutOfMemory($"{function}: dav1d_data_create could not allocate {data.Length} bytes");
        data.CopyTo(new Span<byte>(copy, data.Length));
        _pending.m.timestamp = pts;
        _anySent = true;
        return PushPending(function);
    }

    /// <summary>
    /// Takes the next decoded picture. Before <see cref="Flush"/> it never waits: at most one
    /// picture per <see cref="SendData"/> (frame threading keeps others in flight), and NotReady
    /// means "send more data". After Flush it waits for the pictures still being decoded and
    /// returns them one per call, then NotReady with <see cref="IsEndOfStream"/>. Calling it
    /// before any data was sent is an error. Release each picture with
    /// <see cref="ReleasePicture"/>.
    /// </summary>
    public ReelResult GetPicture(string function, out DecodedPicture picture)
    {
        ObjectDisposedException.ThrowIf(_context == null, this);
        picture = default;
        if (!_anySent && !_flushing)
            return CodecErrors.InvalidState($"{function}: no data was sent; send data (or flush) first");
        if (_finished)
            return ReelResult.NotReady;
        // Each pass either outputs, fails, or changes state (pending data taken, drain armed),
        // so a few passes always settle; the bound only guards against a library surprise.
        for (int pass = 0; pass < 8; pass++)
        {
            if (_pending.sz > 0)
            {
                ReelResult pushed = PushPending(function);
                if (pushed != ReelResult.Success)
                    return pushed;
            }
            // dav1d drains (waits for every frame in flight) when no data was sent since the
            // previous dav1d_get_picture. Mid-stream that is both slow and, in dav1d 1.0, racy:
            // it deadlocked here on damaged streams (dav1d-rs #72 reports the same), so before
            // Flush one dav1d_get_picture per send is the rule, as in the dav1d tool and FFmpeg.
            bool drained = !_sentSinceGet;
            if (drained && !_flushing)
                return ReelResult.NotReady;
            _sentSinceGet = false;
            Dav1dPicture output = default;
            int error = _library.GetPicture(_context, &output);
            if (error == 0)
            {
                picture.Native = output;
                picture.Unref = _library.PictureUnref;
                return ReelResult.Success;
            }
            if (error != Dav1dLibrary.ErrorAgain)
                return DecodeError($"{function}: dav1d_get_picture", error);
            if (_pending.sz > 0)
                continue;
            if (!_flushing)
                return ReelResult.NotReady;
            if (drained)
            {
                _finished = true;
                return ReelResult.NotReady;
            }
        }
        return ReelResult.NotReady;
    }

    /// <summary>
    /// Ends the stream: no data may follow (until <see cref="Reset"/>), and GetPicture returns
    /// the pictures still in the decoder, then NotReady with <see cref="IsEndOfStream"/>.
    /// </summary>
    public ReelResult Flush()
    {
        ObjectDisposedException.ThrowIf(_context == null, this);
        _flushing = true;
        if (!_anySent)
            _finished = true;
        return ReelResult.Success;
    }

    /// <summary>
    /// Drops every frame in flight and the pending data (dav1d_flush), for a seek: the next
    /// data should start with a keyframe and its sequence header. Pictures already handed out
    /// stay valid.
    /// </summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_context == null, this);
        _library.Flush(_context);
        DropPending();
        _flushing = false;
        _finished = false;
        _anySent = false;
        _sentSinceGet = false;
    }

    /// <summary>
    /// Gives a picture back (dav1d_picture_unref): its buffer returns to the allocator once
    /// dav1d no longer references it either. Resets <paramref name="picture"/>, so a second call
    /// on the same variable does nothing. Works after the decoder is disposed.
    /// </summary>
    public static void ReleasePicture(ref DecodedPicture picture)
    {
        if (picture.Unref != null && picture.Native.@ref != null)
        {
            fixed (Dav1dPicture* native = &picture.Native)
                picture.Unref(native);
        }
        picture = default;
    }

    /// <summary>
    /// Closes the decoder (dav1d_close), which releases every picture dav1d still references.
    /// Pictures the caller holds stay valid until released. A second call does nothing.
    /// </summary>
    public void Dispose()
    {
        if (_context == null)
            return;
        DropPending();
        void* context = _context;
        _library.Close(&context);
        _context = null;
        _callbacks.ReleaseOwner();
    }

    /// <summary>Offers the pending data to dav1d; EAGAIN leaves it pending.</summary>
    private ReelResult PushPending(string caller)
    {
        int error;
        fixed (Dav1dData* pending = &_pending)
            error = _library.SendData(_context, pending);
        _sentSinceGet = true;
        if (error == 0 || error == Dav1dLibrary.ErrorAgain)
            return ReelResult.Success;
        // dav1d keeps the data on error; drop it so the next call starts clean.
        DropPending();
        return DecodeError($"{caller}: dav1d_send_data", error);
    }

    private void DropPending()
    {
        if (_pending.@ref == null && _pending.sz == 0)
            return;
        fixed (Dav1dData* pending = &_pending)
            _library.DataUnref(pending);
        _pending = default;
    }

    private ReelResult DecodeError(string what, int error)
    {
        string? allocation = _callbacks.TakeAllocationFailure();
        string log = LogSuffix(_callbacks);
        if (error == Dav1dLibrary.ErrorNoMemory)
            return CodecErrors.OutOfMemory($"{what} failed with {Describe(error)}: {allocation ?? "dav1d could not allocate memory"}{log}");
        if (error == Dav1dLibrary.ErrorNoProtocolOption)
            return CodecErrors.Unsupported($"{what} failed with {Describe(error)}: the stream uses a feature dav1d does not implement{log}");
        return CodecErrors.CorruptData($"{what} failed with {Describe(error)}: the AV1 data is corrupt or not AV1{log}");
    }

    private static string LogSuffix(Dav1dCallbacks callbacks)
        => callbacks.TakeLog() is { } log ? $" (dav1d: {log})" : "";

    private static string Describe(int error) => error switch
    {
        Dav1dLibrary.ErrorNoMemory => "DAV1D_ERR(ENOMEM)",
        Dav1dLibrary.ErrorInvalid => "DAV1D_ERR(EINVAL)",
        Dav1dLibrary.ErrorRange => "DAV1D_ERR(ERANGE)",
        Dav1dLibrary.ErrorNoProtocolOption => "DAV1D_ERR(ENOPROTOOPT)",
        Dav1dLibrary.ErrorAgain => "DAV1D_ERR(EAGAIN)",
        _ => $"error {error}",
    };
}
