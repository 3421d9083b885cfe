using System;
using System.Threading;
using Reel.Abi;
using Reel.Cache;
using Reel.Codecs;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;

namespace Reel.Codecs.Seeking;

/// <summary>
/// Feeds a frame cache from an AV1 IVF file with a Reel decoder: a worker thread takes the
/// cache's requests (demand misses and prefetch, in the order the cache queued them), decodes
/// through each requested frame with a <see cref="SeekingDecoder"/> (seeking to the
/// keyframe before it when the decoder is not already on the way) and inserts every frame it
/// decodes, so that a request for the last frame of a GOP fills the whole GOP — what reverse
/// play needs. A frame the file does not have, or one that fails to decode, is abandoned (the
/// warning names it) and the worker goes on with the next request.
/// </summary>
internal sealed class DecoderFrameSource : IFrameSource
{
    private readonly SeekingDecoder _decoder;
    private readonly Logger _log;

    /// <summary>How decode failures of the producer thread start in the log (no C call is running).</summary>
    private const string DecodingLabel = "decoding";
    private readonly string _name;
    private readonly object _wakeLock = new();
    private readonly DecodedFrameSink _insert;
    private bool _wakeUp;
    private volatile bool _stopping;
    private FrameCache? _cache;
    private Thread? _worker;
    private long _abandoned;

    /// <summary>Serves <paramref name="decoder"/>'s file; takes ownership of the decoder.</summary>
    public DecoderFrameSource(SeekingDecoder decoder, ReelContext context, string name)
    {
        _decoder = decoder;
        _log = context.Log;
        _name = name;
        _insert = Insert;
    }

    /// <summary>Frames in the file: the cache's frame count.</summary>
    public int FrameCount => _decoder.FrameCount;

    /// <summary>Seeks the decoder made (reset and moved to a keyframe).</summary>
    public long Seeks => _decoder.Seeks;

    /// <summary>Frames decoded, counting those decoded again after a seek.</summary>
    public long FramesDecoded => _decoder.FramesDecoded;

    /// <summary>Requests given back because the frame could not be decoded.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <inheritdoc/>
    public void RequestsQueued(FrameCache cache) => Wake();

    /// <summary>Sets the cache's frame count from the file and starts the worker.</summary>
    public void Attached(FrameCache cache, Handle handle)
    {
        _cache = cache;
        cache.SetFrameCount(_decoder.FrameCount, "reel_frame_cache_create_for_ivf");
        _worker = new Thread(Run) { IsBackground = true, Name = "reel cache decoder" };
        _worker.Start();
    }

    /// <summary>Stops the worker (a decode under way ends at its next frame), waits for it and closes the decoder.</summary>
    public void Detaching()
    {
        _stopping = true;
        _decoder.Cancel();
        Wake();
        _worker?.Join();
        _decoder.Dispose();
        _log.Write(LogLevel.Debug, $"frame cache '{_name}': decoder stopped after {_decoder.FramesDecoded} frames decoded, {_decoder.Seeks} seeks, {Abandoned} requests abandoned");
    }

    private void Wake()
    {
        lock (_wakeLock)
        {
            _wakeUp = true;
            Monitor.Pulse(_wakeLock);
        }
    }

    private void Run()
    {
        // An exception escaping a thread ends the host's process: log it and stop feeding.
        try
        {
            FrameCache cache = _cache!;
            while (!_stopping)
            {
                lock (_wakeLock)
                {
                    while (!_wakeUp && !_stopping)
                        Monitor.Wait(_wakeLock);
                    _wakeUp = false;
                }
                while (!_stopping && cache.TryTakeRequest(out FrameRequest request))
                    Serve(cache, request);
            }
        }
        catch (Exception e)
        {
            _log.Write(LogLevel.Error, $"frame cache '{_name}': the decoder thread stopped: {e.Message}");
        }
    }

    private void Serve(FrameCache cache, FrameRequest request)
    {
        ReelResult result = request.FrameNumber < _decoder.FrameCount
            ? _decoder.DecodeThrough((int)request.FrameNumber, _insert, DecodingLabel)
            : CodecErrors.InvalidArgument($"frame {request.FrameNumber} is past the end of the file ({_decoder.FrameCount} frames)");
        if (result == ReelResult.Success)
            return;
        cache.AbandonRequest(request.FrameNumber);
        if (result == ReelResult.NotReady)
            return;  // cancelled: the cache is going away
        Interlocked.Increment(ref _abandoned);
        _log.Write(LogLevel.Warning, $"frame cache '{_name}': frame {request.FrameNumber} abandoned: {LastError.Message}");
    }

    private void Insert(long frameNumber, Handle frame) => _cache!.Insert(frameNumber, frame.Value, "reel_frame_cache_create_for_ivf");
}
