using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Containers;

namespace Reel.Codecs.Seeking;

/// <summary>
/// The video stream of an MP4/MOV/WebM/Matroska file, read through the container backend, as a
/// <see cref="ISeekablePacketSource"/>. Opening reads the header and the container's index
/// (MP4 sample tables, Matroska Cues) and nothing else; a seek goes through that index. When
/// the header gives no frame count (Matroska), the count comes from reading the last GOP
/// only: from the last keyframe of the index to the end. Frames must follow each other one
/// frame apart (constant frame rate), as Reel's movie writer records them; a gap or a
/// reordered packet is reported, not guessed over.
/// </summary>
internal sealed class DemuxerPacketSource : ISeekablePacketSource
{
    private readonly IMediaDemuxer _demuxer;
    private readonly string _path;
    /// <summary>Keyframes from the container's index, ascending (set at open).</summary>
    private long[] _randomAccessPoints = [];
    /// <summary>The frame the next read should return.</summary>
    private long _next;
    /// <summary>A packet read ahead by <see cref="SeekTo"/> (the keyframe sought), returned by the next read.</summary>
    private DemuxedPacket _pending;
    private bool _hasPending;

    private DemuxerPacketSource(IMediaDemuxer demuxer, string path)
    {
        _demuxer = demuxer;
        _path = path;
    }

    /// <inheritdoc/>
    public int FrameCount { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> through the container backend for a decoder of
    /// <paramref name="codec"/>. Errors name <paramref name="function"/>: no container backend
    /// or FFmpeg missing (Unavailable, with the reason), the file's I/O errors, no video stream
    /// or another codec (Unsupported), no index or no keyframe in it (CorruptData).
    /// </summary>
    public static ReelResult Open(string path, VideoCodec codec, string function, out ISeekablePacketSource? source)
    {
        source = null;
        IContainerBackend? backend = BackendRegistry.ContainerBackend;
        if (backend is null)
            return CodecErrors.Unavailable($"{function}: {path} is not IVF, and this libreel registers no container backend (FFmpeg) to read it");
        if (!backend.ContainersAvailable(out string reason))
            return CodecErrors.Unavailable($"{function}: {path} is not IVF, and reading other containers is unavailable: {reason}");
        ReelResult result = backend.OpenMedia(path, function, out IMediaDemuxer? demuxer);
        if (result != ReelResult.Success)
            return result;
        var made = new DemuxerPacketSource(demuxer!, path);
        result = made.ReadIndex(codec, function);
        if (result != ReelResult.Success)
        {
            made.Dispose();
            return result;
        }
        source = made;
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public int RandomAccessPointAtOrBefore(int frame)
    {
        int found = Array.BinarySearch(_randomAccessPoints, (long)frame);
        if (found >= 0)
            return frame;
        int next = ~found;
        return next == 0 ? -1 : (int)_randomAccessPoints[next - 1];
    }

    /// <inheritdoc/>
    public ReelResult SeekTo(int randomAccessPoint, string function)
    {
        _hasPending = false;
        ReelResult result = _demuxer.SeekVideo(randomAccessPoint, function);
        if (result != ReelResult.Success)
            return result;
        // The index may place the seek a little early (a Cue per cluster): read up to the point.
        while (true)
        {
            result = ReadRaw(function, out DemuxedPacket packet, out bool end);
            if (result != ReelResult.Success)
                return result;
            if (end)
                return CodecErrors.CorruptData($"{function}: {_path} ended before frame {randomAccessPoint}, a keyframe of its index");
            if (packet.FrameNumber < randomAccessPoint)
                continue;
            if (packet.FrameNumber > randomAccessPoint)
                return CodecErrors.CorruptData($"{function}: {_path}: seeking to keyframe {randomAccessPoint} through the container's index landed on frame {packet.FrameNumber}");
            _pending = packet;
            _hasPending = true;
            _next = randomAccessPoint;
            return ReelResult.Success;
        }
    }

    /// <inheritdoc/>
    public ReelResult Read(string function, out DemuxedPacket packet)
    {
        if (_hasPending)
        {
            packet = _pending;
            _hasPending = false;
        }
        else
        {
            ReelResult result = ReadRaw(function, out packet, out bool end);
            if (result != ReelResult.Success)
                return result;
            if (end)
                return ReelResult.NotReady;
        }
        if (packet.FrameNumber != _next)
            return CodecErrors.CorruptData($"{function}: {_path} has frame {packet.FrameNumber} where frame {_next} should follow; the frame cache reads streams of constant frame rate in presentation order");
        _next++;
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Dispose() => _demuxer.Dispose();

    /// <summary>Checks the video stream and reads its keyframes and frame count.</summary>
    private ReelResult ReadIndex(VideoCodec codec, string function)
    {
        MediaStreamInfo? video = _demuxer.Video;
        if (video is null)
            return CodecErrors.Unsupported($"{function}: {_path} has no video stream");
        if (_demuxer.VideoCodec != codec)
            return CodecErrors.Unsupported($"{function}: {_path}'s video is {video.CodecName}; decoder_desc->codec asks for {codec.ToString().ToUpperInvariant()}");
        ReelResult result = _demuxer.VideoRandomAccessPoints(function, out long[] points);
        if (result != ReelResult.Success)
            return result;
        if (points.Length == 0 || points[0] < 0 || points[^1] > int.MaxValue)
            return CodecErrors.CorruptData($"{function}: {_path} has no keyframe in its container index ({video.IndexEntries} entries; a recording cut off before its index was written); it cannot be seeked without reading it whole");
        _randomAccessPoints = points;
        long count = video.FrameCount;
        if (count <= 0 && (result = CountFromLastKeyframe(function, out count)) != ReelResult.Success)
            return result;
        if (count > int.MaxValue)
            return CodecErrors.Unsupported($"{function}: {_path} has {count} frames; the frame cache numbers at most {int.MaxValue}");
        FrameCount = (int)count;
        return ReelResult.Success;
    }

    /// <summary>The frame count of a file whose header has none: the last keyframe's number plus the frames after it.</summary>
    private ReelResult CountFromLastKeyframe(string function, out long count)
    {
        count = 0;
        int last = (int)_randomAccessPoints[^1];
        ReelResult result = SeekTo(last, function);
        if (result != ReelResult.Success)
            return result;
        while ((result = Read(function, out DemuxedPacket packet)) == ReelResult.Success)
            count = packet.FrameNumber + 1;
        return result == ReelResult.NotReady ? ReelResult.Success : result;
    }

    private ReelResult ReadRaw(string function, out DemuxedPacket packet, out bool end) => _demuxer.ReadVideo(function, out packet, out end);
}
