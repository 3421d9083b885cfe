using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Containers;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Seeking;

/// <summary>Takes one decoded frame; the sink retains what it keeps (the decoder's reference goes after the call).</summary>
internal delegate void DecodedFrameSink(long frameNumber, Handle frame);

/// <summary>
/// Decodes any frame of an AV1 IVF file on demand: it goes on decoding forward when the
/// decoder is already on the way to the frame, and otherwise seeks to the random-access point
/// at or before it (<see cref="IvfIndex"/>) and decodes forward from there. Every frame decoded
/// on the way reaches the sink, so the frames between a keyframe and the target are free.
/// Frames carry their frame number (file order, from 0) as pts. One thread at a time, except
/// <see cref="Cancel"/>.
/// </summary>
internal sealed class SeekingDecoder : IDisposable
{
    private readonly IvfReader _reader;
    private readonly IvfIndex _index;
    private readonly IDecoder _decoder;
    private readonly string _path;

    /// <summary>Whether the decoder runs a stream started at a random-access point; false until the first seek and after errors.</summary>
    private bool _streaming;
    /// <summary>The next packet to send (a frame number).</summary>
    private int _nextSend;
    /// <summary>The frame the decoder hands out next.</summary>
    private long _nextOut;
    /// <summary>The packet read last (it lives in the reader's buffer until the next read).</summary>
    private IvfFrame _packet;
    /// <summary><see cref="_packet"/> was refused by the decoder for now: send the same again.</summary>
    private bool _refused;
    /// <summary>Every packet was sent and the decoder flushed; a new stream needs a seek.</summary>
    private bool _flushed;
    private volatile bool _cancelled;

    private SeekingDecoder(string path, IvfReader reader, IvfIndex index, IDecoder decoder)
    {
        _path = path;
        _reader = reader;
        _index = index;
        _decoder = decoder;
    }

    /// <summary>Frames in the file.</summary>
    public int FrameCount => _index.FrameCount;

    /// <summary>Width and height the IVF header declares.</summary>
    public (int Width, int Height) Size => (_reader.Header.Width, _reader.Header.Height);

    /// <summary>Times the decoder was reset and moved to a random-access point.</summary>
    public long Seeks { get; private set; }

    /// <summary>Frames decoded, including those decoded again after a seek.</summary>
    public long FramesDecoded { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/>, indexes every frame (one read of the whole file) and
    /// creates a decoder as <paramref name="options"/> say, whose frames come from frame pools
    /// of <paramref name="context"/>. Errors name <paramref name="function"/>: a missing or
    /// unreadable file, a bad IVF header, a truncated frame, a file without any keyframe, no
    /// decoder backend.
    /// </summary>
    public static ReelResult Open(ReelContext context, string path, DecoderSessionOptions options, string function, out SeekingDecoder? decoder)
    {
        decoder = null;
        ReelResult result = IvfReader.Open(path, function, out IvfReader? reader);
        if (result != ReelResult.Success)
            return result;
        result = IvfIndex.Build(reader!, path, function, out IvfIndex? index);
        if (result != ReelResult.Success)
        {
            reader!.Dispose();
            return result;
        }
        if ((result = DecoderOpener.Open(context, options, function, $"{function}: decoder_desc->", out _, out IDecoder? created)) != ReelResult.Success)
        {
            reader!.Dispose();
            return result;
        }
        decoder = new SeekingDecoder(path, reader!, index!, created!);
        return ReelResult.Success;
    }

    /// <summary>Makes a running <see cref="DecodeThrough"/> return soon (NotReady); later calls return at once.</summary>
    public void Cancel() => _cancelled = true;

    /// <summary>
    /// Decodes until frame <paramref name="target"/> came out, handing every frame decoded on
    /// the way to <paramref name="sink"/>. Success; NotReady when cancelled; ErrorInvalidArgument
    /// for a frame outside the file; a decode or read error (the message names the frame),
    /// after which the next call seeks afresh. Messages start with <paramref name="function"/>.
    /// </summary>
    public ReelResult DecodeThrough(int target, DecodedFrameSink sink, string function)
    {
        if (target < 0 || target >= FrameCount)
            return CodecErrors.InvalidArgument($"{function}: frame {target} is outside {_path}; allowed 0 to {FrameCount - 1}");
        int start = _index.RandomAccessPointAtOrBefore(target);
        if (start < 0)
            return CodecErrors.CorruptData($"{function}: {_path} has no keyframe at or before frame {target}; it cannot be decoded");
        // Going on is cheaper than a seek unless the target lies behind, or a keyframe lies between.
        if (!_streaming || target < _nextOut || start > _nextOut)
        {
            ReelResult sought = SeekTo(start, function);
            if (sought != ReelResult.Success)
                return sought;
        }
        while (_nextOut <= target)
        {
            if (_cancelled)
                return ReelResult.NotReady;
            ReelResult result;
            if (_nextSend == _nextOut && !_flushed)
            {
                // Every packet sent came out as a frame: the decoder holds nothing to receive.
                if ((result = Feed(function)) != ReelResult.Success)
                    return Fail(result);
                continue;
            }
            result = _decoder.Receive(function, out FrameRef decoded);
            if (result == ReelResult.Success)
            {
                result = decoded.RequireBuffer(function, out Handle frame);
                if (result == ReelResult.Success)
                    result = Deliver(frame, sink, function);
                if (result != ReelResult.Success)
                    return Fail(result);
                continue;
            }
            if (result != ReelResult.NotReady)
                return Fail(result == ReelResult.EndOfStream
                    ? CodecErrors.CorruptData($"{function}: {_path}: the decoder ended after frame {_nextOut - 1}, before frame {target}; the file shows fewer frames than it has packets")
                    : result);
            result = Feed(function);
            if (result != ReelResult.Success)
                return Fail(result);
        }
        return ReelResult.Success;
    }

    /// <summary>Closes the decoder (frames handed out stay valid) and the file.</summary>
    public void Dispose()
    {
        _decoder.Dispose();
        _reader.Dispose();
    }

    /// <summary>Resets the decoder and moves the reader to frame <paramref name="frame"/>, a random-access point.</summary>
    private ReelResult SeekTo(int frame, string function)
    {
        _decoder.Reset();
        _streaming = false;
        _refused = false;
        _flushed = false;
        ReelResult result = _reader.Seek(_index.OffsetOf(frame), frame, function);
        if (result != ReelResult.Success)
            return result;
        _nextSend = frame;
        _nextOut = frame;
        _streaming = true;
        Seeks++;
        return ReelResult.Success;
    }

    /// <summary>Sends the next packet (again, if the decoder refused it), or flushes after the last.</summary>
    private ReelResult Feed(string function)
    {
        if (_nextSend >= FrameCount)
        {
            if (_flushed)
                return CodecErrors.CorruptData($"{function}: {_path}: the decoder holds no frame {_nextOut} after the last packet");
            _flushed = true;
            return _decoder.Flush(function);
        }
        if (!_refused)
        {
            ReelResult read = _reader.ReadFrame(function, out _packet);
            if (read != ReelResult.Success)
                return read == ReelResult.NotReady
                    ? CodecErrors.CorruptData($"{function}: {_path} ended at frame {_nextSend}; the index has {FrameCount}")
                    : read;
        }
        ReelResult sent = _decoder.Send(_packet.Span, _nextSend, function);
        if (sent == ReelResult.NotReady)
        {
            _refused = true;  // the decoder holds earlier data: receive first
            return ReelResult.Success;
        }
        _refused = false;
        if (sent == ReelResult.Success)
            _nextSend++;
        return sent;
    }

    private ReelResult Deliver(Handle frame, DecodedFrameSink sink, string function)
    {
        try
        {
            ReelResult result = Buffers.GetFrame(frame, function, out FrameView view);
            if (result != ReelResult.Success)
                return result;
            FramesDecoded++;
            _nextOut = view.Pts + 1;
            sink(view.Pts, frame);
            return ReelResult.Success;
        }
        finally
        {
            Buffers.Release(frame, function);
        }
    }

    private ReelResult Fail(ReelResult result)
    {
        _streaming = false;
        return result;
    }
}
