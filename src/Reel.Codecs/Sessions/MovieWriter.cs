using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Containers;
using Reel.Codecs.Conversion;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Containers;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Begin / write frame / end recording (<c>reel_movie_writer_t</c>), the shape of Godot's
/// MovieWriter: an encoder session whose worker writes every packet into the movie file as soon
/// as the codec finishes it (IVF written by Reel, or MP4/MOV/WebM/MKV through a container
/// backend, <see cref="IMovieFile"/>), plus RGBA/BGRA to I420 conversion into pooled frames and
/// the host's sound. The file is readable at every moment; end completes it (IVF frame count;
/// container trailer, faststart). Frames get pts 0, 1, 2...
/// at the frame rate of the settings. Write calls block while the encoder's queue is full
/// (recording must not drop frames). Thread-safe: calls are serialised.
/// </summary>
internal sealed unsafe partial class MovieWriter : IContextAttachment
{
    /// <summary>Most samples per channel in one reel_movie_writer_write_audio call (16 Mi, the shim's limit).</summary>
    public const long MaxAudioFramesPerWrite = 1L << 24;

    /// <summary>Most writers alive at once.</summary>
    public const int MaxLiveWriters = 1024;

    /// <summary>Live writers by handle.</summary>
    public static readonly HandleTable<MovieWriter> Table = new(HandleType.MovieWriter, MaxLiveWriters);

    private readonly ReelContext _context;
    private readonly EncoderSession _encoder;
    private readonly IMovieFile _file;
    private readonly AudioTrackSettings? _audio;
    private readonly FramePool _conversion;
    private readonly int _width;
    private readonly int _height;
    private readonly string _path;
    private readonly string _name;
    private readonly int _queueDepth;
    private readonly object _lock = new();
    private long _nextPts;
    private long _converted;
    private bool _ended;

    private MovieWriter(ReelContext context, EncoderSession encoder, IMovieFile file, AudioTrackSettings? audio, FramePool conversion, string path, string name, int queueDepth)
    {
        _name = name;
        _queueDepth = queueDepth;
        _context = context;
        _encoder = encoder;
        _file = file;
        _audio = audio;
        _conversion = conversion;
        _width = (int)encoder.Settings.Width;
        _height = (int)encoder.Settings.Height;
        _path = path;
    }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; private set; }

    /// <summary>
    /// Checks the settings, creates <paramref name="path"/> (truncating it) in the container
    /// <paramref name="movie"/> names, starts the encoder with <paramref name="options"/> (its
    /// Sink is replaced by the file) and registers the writer.
    /// </summary>
    public static ReelResult Begin(ReelContext context, string path, EncoderSessionOptions options, MovieOptions movie, string function, out MovieWriter? writer)
    {
        writer = null;
        EncoderSettings settings = options.Settings;
        // Checked (once) before the file is touched: a refused setting must not truncate an existing file.
        ReelResult result = BackendRegistry.SelectEncoder(options.Backend, settings, Logger.Silent, function, $"{function}: {options.ArgumentName}->", out IEncoderFactory? factory);
        ContainerFormat container = ContainerFormat.Auto;
        if (result == ReelResult.Success)
            result = MovieFiles.Resolve(path, movie, settings.Codec, $"{options.ArgumentName}->codec", function, out container);
        if (result != ReelResult.Success)
            return result;
        result = MovieFiles.Create(path, container, settings, movie, function, out IMovieFile? file);
        if (result != ReelResult.Success)
            return result;
        var sessionOptions = new EncoderSessionOptions
        {
            Settings = settings,
            Backend = options.Backend,
            Factory = factory,
            QueueDepth = options.QueueDepth,
            Name = options.Name,
            Sink = file,
            ArgumentName = options.ArgumentName,
        };
        result = EncoderSession.Create(context, sessionOptions, function, out EncoderSession? encoder);
        if (result != ReelResult.Success)
        {
            file!.Dispose();
            return result;
        }
        result = CreateConversionPool(context, options, function, out FramePool? conversion);
        if (result != ReelResult.Success)
        {
            EncoderSession.Destroy(encoder!.Handle, function);
            file!.Dispose();
            return result;
        }
        var made = new MovieWriter(context, encoder!, file!, file!.HasAudio ? movie.Audio : null, conversion!, path, options.Name, options.QueueDepth);
        if (!Table.TryAdd(made, out Handle handle))
        {
            made.Abandon();
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxLiveWriters} movie writers are alive, the most Reel allows; end one first");
        }
        made.Handle = handle;
        if (!context.Attach(made))
        {
            Table.TryRemove(handle, out _);
            made.Abandon();
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: context is being destroyed");
        }
        string sound = made._audio is { } a ? $", {a.Codec} {a.SampleRate} Hz x{a.Channels}" : "";
        context.Log.Write(LogLevel.Info, $"movie writer started: {path} ({ContainerFormats.Name(container)}), {settings.Width}x{settings.Height} at {settings.FpsNumerator}/{settings.FpsDenominator} fps{sound}");
        writer = made;
        return ReelResult.Success;
    }

    /// <summary>Resolves a handle to a live writer.</summary>
    public static ReelResult Resolve(ulong raw, string function, out MovieWriter? writer)
    {
        var handle = new Handle(raw);
        HandleError error = Table.TryGet(handle, out writer);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.MovieWriter, "writer"));
    }

    /// <summary>
    /// Records a Reel frame: an I420 frame of the movie's size goes to the encoder as it is (no
    /// copy); RGBA8/BGRA8 frames are converted into a pooled I420 frame first.
    /// </summary>
    public ReelResult WriteFrame(Handle frame, string function)
    {
        ReelResult result = Buffers.GetFrame(frame, function, out FrameView view);
        if (result != ReelResult.Success)
            return result;
        FrameLayout layout = view.Layout;
        if (layout.Width != (uint)_width || layout.Height != (uint)_height)
            return CodecErrors.InvalidArgument($"{function}: frame is {layout.Width}x{layout.Height}; allowed {_width}x{_height} (the movie's size)");
        lock (_lock)
        {
            if ((result = CheckOpen(function)) != ReelResult.Success)
                return result;
            switch (layout.Format)
            {
                case PixelFormat.I420:
                    return Submit(frame, function);
                case PixelFormat.Rgba8 or PixelFormat.Bgra8:
                    PlaneLayout plane0 = layout.Plane(0);
                    var image = new RawImage(layout.Format, _width, _height, (byte*)view.Memory + plane0.Offset, (int)plane0.Stride, null, 0, null, 0);
                    return ConvertAndSubmit(image, function);
                default:
                    return CodecErrors.InvalidArgument(
                        $"{function}: frame is a {FrameViews.Name(layout.Format)} frame; allowed REEL_PIXEL_FORMAT_I420, REEL_PIXEL_FORMAT_RGBA8 or REEL_PIXEL_FORMAT_BGRA8");
            }
        }
    }

    /// <summary>Records pixels from the host's memory (RGBA8, BGRA8 or I420), copied or converted into a pooled frame.</summary>
    public ReelResult WriteImage(in RawImage image, string function)
    {
        if (image.Format is not (PixelFormat.I420 or PixelFormat.Rgba8 or PixelFormat.Bgra8))
            return CodecErrors.InvalidArgument(
                $"{function}: image->format is {(int)image.Format}; allowed REEL_PIXEL_FORMAT_I420 (2), REEL_PIXEL_FORMAT_RGBA8 (5) or REEL_PIXEL_FORMAT_BGRA8 (6)");
        if (image.Width != _width || image.Height != _height)
            return CodecErrors.InvalidArgument($"{function}: image is {image.Width}x{image.Height}; allowed {_width}x{_height} (the movie's size)");
        if (image.Plane0 == null || (image.Format == PixelFormat.I420 && (image.Plane1 == null || image.Plane2 == null)))
            return CodecErrors.InvalidArgument($"{function}: image->data[{(image.Plane0 == null ? 0 : image.Plane1 == null ? 1 : 2)}] is NULL");
        lock (_lock)
        {
            ReelResult result = CheckOpen(function);
            return result != ReelResult.Success ? result : ConvertAndSubmit(image, function);
        }
    }

    /// <summary>
    /// Records sound from the host's memory: <paramref name="frames"/> samples per channel of
    /// interleaved PCM in the sound track's format, following the samples written before (the
    /// audio clock is the sample count, so it never drifts from the frame count).
    /// </summary>
    public ReelResult WriteAudio(void* samples, long frames, string function, string samplesName, string framesName)
    {
        if (_audio is null)
            return CodecErrors.InvalidState($"{function}: the movie has no sound track (begin it with reel_movie_writer_begin_ex and desc->audio_codec set)");
        if (frames < 0 || frames > MaxAudioFramesPerWrite)
            return CodecErrors.InvalidArgument($"{function}: {framesName} is {frames}; allowed 0 to {MaxAudioFramesPerWrite}");
        if (samples == null && frames > 0)
            return CodecErrors.InvalidArgument($"{function}: {samplesName} is NULL with {framesName} {frames}");
        long bytes = frames * _audio.Channels * SampleFormats.BytesPerSample(_audio.Format);
        lock (_lock)
        {
            ReelResult result = CheckOpen(function);
            return result != ReelResult.Success ? result : _file.WriteAudio(new ReadOnlySpan<byte>(samples, (int)bytes), (int)frames, function);
        }
    }

    /// <summary>Records the samples of a buffer of a Reel audio pool, whose format and channels must be the sound track's.</summary>
    public ReelResult WriteAudioBuffer(Handle buffer, string function)
    {
        ReelResult result = Buffers.GetAudio(buffer, function, out AudioView view);
        if (result != ReelResult.Success)
            return result;
        if (_audio is null)
            return CodecErrors.InvalidState($"{function}: the movie has no sound track (begin it with reel_movie_writer_begin_ex and desc->audio_codec set)");
        AudioPool pool = view.Pool;
        if (pool.Format != _audio.Format || pool.Channels != (uint)_audio.Channels)
            return CodecErrors.InvalidArgument(
                $"{function}: audio is {FrameViews.SampleName(pool.Format)} x{pool.Channels}; allowed {FrameViews.SampleName(_audio.Format)} x{_audio.Channels} (desc->audio_format, desc->audio_channels)");
        if (pool.SampleRate != 0 && pool.SampleRate != (uint)_audio.SampleRate)
            return CodecErrors.InvalidArgument($"{function}: audio's pool declares {pool.SampleRate} Hz; allowed {_audio.SampleRate} Hz (desc->audio_sample_rate) or 0");
        return WriteAudio((void*)view.Memory, pool.Samples, function, "audio", "audio");
    }

    /// <summary>
    /// Ends the recording: flushes the encoder, waits until every packet is in the file,
    /// patches the frame count, closes the file and destroys the writer (the handle is stale
    /// afterwards, whatever the result). <paramref name="stats"/> are the final counters.
    /// </summary>
    public static ReelResult End(Handle handle, string function, out MovieWriterStats stats)
    {
        stats = default;
        HandleError error = Table.TryRemove(handle, out MovieWriter? writer);
        if (error != HandleError.None)
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.MovieWriter, "writer"));
        writer!._context.Detach(writer);
        return writer.Finish(function, out stats);
    }

    /// <summary>The counters now.</summary>
    public MovieWriterStats GetStats()
    {
        EncoderSessionStats e = _encoder.GetStats();
        var video = new MovieWriterStats(e.FramesIn, e.FramesOut, 0, System.Threading.Interlocked.Read(ref _converted), e.EncodeFps, e.AverageBitrate, e.ElapsedSeconds, e.QueueDepth);
        return Combine(video, _file.ContainerStats, _file.FileBytes);
    }

    /// <summary>The encoder's counters with the file's size, sound and container overhead.</summary>
    private static MovieWriterStats Combine(MovieWriterStats video, MovieMuxerStats c, long fileBytes)
    {
        return video with
        {
            FileBytes = fileBytes,
            AudioSamples = c.AudioSamples,
            AudioPackets = c.AudioPackets,
            AudioBytes = c.AudioBytes,
            AudioBitrate = c.AudioCodedSeconds > 0 ? c.AudioBytes * 8 / c.AudioCodedSeconds : 0,
            OverheadBytes = c.OverheadBytes,
        };
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        // The host never called end: finish the file properly anyway (its frames are already in it).
        if (Table.TryRemove(Handle, out _) == HandleError.None)
            Finish("reel_context_destroy (movie writer)", out _);
    }

    private ReelResult Finish(string function, out MovieWriterStats stats)
    {
        // GPU frames in flight first: they are committed through the lock taken below.
        ReelResult result = FinishSource(function);
        lock (_lock)
        {
            _ended = true;
            ReelResult flushed = _encoder.Flush(function);
            if (flushed == ReelResult.Success)
                flushed = _encoder.WaitForEnd(PoolConfig.WaitForever, function);
            if (result == ReelResult.Success)
                result = flushed;
        }
        MovieWriterStats video = GetStats();
        EncoderSession.Destroy(_encoder.Handle, function);
        // Every video packet is in the file now: the sound's tail, the trailer, faststart.
        ReelResult ended = _file.Finish(function);
        MovieWriterStats final = Combine(video, _file.ContainerStats, _file.FileBytes);
        _file.Dispose();
        Pool.Destroy(_conversion.Handle, function);
        DestroyGpuFramePool(function);
        if (result == ReelResult.Success && ended != ReelResult.Success)
            result = ended;
        stats = final;
        string sound = _audio is null ? "" : $", {stats.AudioSamples} audio samples in {stats.AudioPackets} packets";
        _context.Log.Write(LogLevel.Info, $"movie writer ended: {_path}, {stats.FramesEncoded} frames{sound}, {stats.FileBytes} bytes");
        return result;
    }

    /// <summary>Tears down after a failed registration.</summary>
    private void Abandon()
    {
        EncoderSession.Destroy(_encoder.Handle, "reel_movie_writer_begin");
        _file.Dispose();
        Pool.Destroy(_conversion.Handle, "reel_movie_writer_begin");
    }

    private ReelResult CheckOpen(string function)
        => _ended ? CodecErrors.InvalidState($"{function}: the movie writer has ended") : ReelResult.Success;

    /// <summary>Queues a frame at the next pts, waiting while the encoder's queue is full. Under the lock.</summary>
    private ReelResult Submit(Handle frame, string function)
    {
        ReelResult result = _encoder.Submit(frame, _nextPts, forceKeyframe: false, PoolConfig.WaitForever, function);
        if (result == ReelResult.Success)
            _nextPts++;
        return result;
    }

    /// <summary>Converts or copies <paramref name="image"/> into a pooled I420 frame and queues it. Under the lock.</summary>
    private ReelResult ConvertAndSubmit(in RawImage image, string function)
    {
        ReelResult result = _conversion.Acquire(function, out Handle frame);
        if (result != ReelResult.Success)
            return result;
        try
        {
            Buffers.GetFrame(frame, function, out FrameView view);
            I420Frame destination = FrameViews.ToI420(view);
            if (image.Format == PixelFormat.I420)
                result = Copy(image, destination, function);
            else
            {
                result = RgbToI420.Convert(image.Plane0, image.Stride0, _width, _height,
                    image.Format == PixelFormat.Rgba8 ? RgbByteOrder.Rgba : RgbByteOrder.Bgra, destination, function);
                if (result == ReelResult.Success)
                    System.Threading.Interlocked.Increment(ref _converted);
            }
            return result == ReelResult.Success ? Submit(frame, function) : result;
        }
        finally
        {
            // The encoder holds its own reference while the frame waits in its queue.
            Buffers.Release(frame, function);
        }
    }

    private static ReelResult Copy(in RawImage image, in I420Frame destination, string function)
    {
        int chromaWidth = (image.Width + 1) >> 1;
        int chromaHeight = (image.Height + 1) >> 1;
        if (image.Stride0 < image.Width)
            return CodecErrors.InvalidArgument($"{function}: image->stride[0] is {image.Stride0}; allowed {image.Width} (the width) or more");
        if (image.Stride1 < chromaWidth || image.Stride2 < chromaWidth)
            return CodecErrors.InvalidArgument(
                $"{function}: image->stride[{(image.Stride1 < chromaWidth ? 1 : 2)}] is {Math.Min(image.Stride1, image.Stride2)}; allowed {chromaWidth} (ceil(width / 2)) or more");
        CopyPlane(image.Plane0, image.Stride0, destination.Y, destination.YStride, image.Width, image.Height);
        CopyPlane(image.Plane1, image.Stride1, destination.U, destination.UStride, chromaWidth, chromaHeight);
        CopyPlane(image.Plane2, image.Stride2, destination.V, destination.VStride, chromaWidth, chromaHeight);
        return ReelResult.Success;
    }

    private static void CopyPlane(byte* source, int sourceStride, byte* destination, int destinationStride, int width, int rows)
    {
        for (int row = 0; row < rows; row++)
            new ReadOnlySpan<byte>(source + (long)row * sourceStride, width).CopyTo(new Span<byte>(destination + (long)row * destinationStride, width));
    }

    private static ReelResult CreateConversionPool(ReelContext context, EncoderSessionOptions options, string function, out FramePool? pool)
    {
        pool = null;
        EncoderSettings settings = options.Settings;
        ReelResult result = FrameLayout.TryCreate(PixelFormat.I420, (uint)settings.Width, (uint)settings.Height, 0, 0, 0, $"{function}: ", out FrameLayout? layout);
        if (result != ReelResult.Success)
            return result;
        // Every queued frame plus the one being converted plus the one the codec is reading.
        uint max = (uint)options.QueueDepth + 2;
        result = PoolConfig.TryCreate(0, max, PoolGrowth.Linear, 0, ExhaustionPolicy.Wait, PoolConfig.WaitForever, 0, 0, 0, PoolFlags.None, max,
            $"{function}: conversion pool ", out PoolConfig? config);
        if (result == ReelResult.Success)
            result = FramePool.Create(context, $"{options.Name} frames", layout!, config!, function, out pool);
        return result;
    }
}
