using System;
using System.Collections.Generic;
using System.Text;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Containers;

namespace Reel.Backend.FFmpeg.Containers;

/// <summary>
/// A media file read by libavformat through the shim's demuxer. Opening reads the header and
/// probes the streams (never the whole file); the other streams are disabled so reads return
/// only video packets; seeking goes through the container's own index (MP4 sample tables,
/// Matroska Cues). Packet timestamps become frame numbers at the stream's frame rate, counted
/// from the stream's start, as the IVF reader numbers frames. One thread at a time.
/// </summary>
internal sealed unsafe class FFmpegDemuxer : IMediaDemuxer
{
    private readonly FFmpegShim _shim;
    private readonly string _path;
    private readonly int _videoIndex;
    private readonly long _start;
    private nint _demuxer;

    private FFmpegDemuxer(FFmpegShim shim, string path, nint demuxer, IReadOnlyList<MediaStreamInfo> streams, int videoIndex, long start)
    {
        _shim = shim;
        _path = path;
        _demuxer = demuxer;
        Streams = streams;
        _videoIndex = videoIndex;
        _start = start;
        FormatName = FFmpegShim.Text(shim.Demuxer.FormatName(demuxer));
        Video = videoIndex >= 0 ? streams[videoIndex] : null;
        if (videoIndex >= 0)
        {
            VideoCodec = (ShimCodec)Property(videoIndex, ShimStreamProperty.Codec) switch
            {
                ShimCodec.Av1 => Backends.VideoCodec.Av1,
                ShimCodec.H264 => Backends.VideoCodec.H264,
                ShimCodec.Hevc => Backends.VideoCodec.Hevc,
                _ => null,
            };
        }
    }

    /// <inheritdoc/>
    public string FormatName { get; }

    /// <inheritdoc/>
    public IReadOnlyList<MediaStreamInfo> Streams { get; }

    /// <inheritdoc/>
    public MediaStreamInfo? Video { get; }

    /// <inheritdoc/>
    public VideoCodec? VideoCodec { get; }

    /// <summary>Opens <paramref name="path"/>: I/O errors name it; a file libavformat does not recognise is corrupt data.</summary>
    public static ReelResult Open(FFmpegShim shim, string path, string function, out IMediaDemuxer? demuxer)
    {
        demuxer = null;
        byte[] utf8 = Encoding.UTF8.GetBytes(path + "\0");
        nint handle;
        int code;
        fixed (byte* p = utf8)
            code = shim.Demuxer.Open(p, &handle);
        if (code < 0)
            return ShimErrors.Fail(shim, code, function, path);
        int count = shim.Demuxer.StreamCount(handle);
        var streams = new List<MediaStreamInfo>();
        long fileMicroseconds = Read(shim, handle, -1, ShimStreamProperty.FileDurationMicroseconds);
        for (int i = 0; i < count; i++)
            streams.Add(Describe(shim, handle, i, fileMicroseconds));
        int video = shim.Demuxer.BestStream(handle, (int)ShimMediaType.Video);
        long start = 0;
        if (video >= 0)
        {
            for (int i = 0; i < count; i++)
                shim.Demuxer.SetStreamEnabled(handle, i, i == video ? 1 : 0);
            start = Read(shim, handle, video, ShimStreamProperty.StartTime);
            if (start == ShimConstants.NoPts)
                start = 0;
        }
        demuxer = new FFmpegDemuxer(shim, path, handle, streams, video < 0 ? -1 : video, start);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult ReadVideo(string function, out DemuxedPacket packet, out bool end)
    {
        packet = default;
        end = false;
        if (_videoIndex < 0)
            return CodecErrors.Unsupported($"{function}: {_path} has no video stream");
        while (true)
        {
            int stream, size, flags;
            byte* data;
            long pts, dts;
            int code = _shim.Demuxer.ReadPacket(_demuxer, &stream, &data, &size, &pts, &dts, null, &flags);
            if (code == ShimConstants.ErrorEof)
            {
                end = true;
                return ReelResult.Success;
            }
            if (code < 0)
                return ShimErrors.Fail(_shim, code, function, _path);
            if (stream != _videoIndex)
                continue;
            long ts = pts != ShimConstants.NoPts ? pts : dts;
            packet = new DemuxedPacket(data, size, ts == ShimConstants.NoPts ? -1 : ToFrame(ts), (flags & ShimConstants.PacketKeyframe) != 0);
            return ReelResult.Success;
        }
    }

    /// <inheritdoc/>
    public ReelResult SeekVideo(long frameNumber, string function)
    {
        if (_videoIndex < 0)
            return CodecErrors.Unsupported($"{function}: {_path} has no video stream");
        int code = _shim.Demuxer.Seek(_demuxer, _videoIndex, FromFrame(frameNumber), 0);
        return code < 0 ? ShimErrors.Fail(_shim, code, function, _path) : ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _shim.Demuxer.Destroy(_demuxer);
        _demuxer = 0;
    }

    private long ToFrame(long ts)
    {
        MediaStreamInfo v = Video!;
        if (v.FpsNumerator <= 0 || v.FpsDenominator <= 0)
            return ts - _start;
        // frames = (ts - start) * tb * fps, rounded to the nearest frame.
        Int128 num = (Int128)(ts - _start) * v.TimeBaseNumerator * v.FpsNumerator;
        Int128 den = (Int128)v.TimeBaseDenominator * v.FpsDenominator;
        return (long)((num * 2 + den) / (den * 2));
    }

    private long FromFrame(long frame)
    {
        MediaStreamInfo v = Video!;
        if (v.FpsNumerator <= 0 || v.FpsDenominator <= 0)
            return _start + frame;
        Int128 num = (Int128)frame * v.FpsDenominator * v.TimeBaseDenominator;
        Int128 den = (Int128)v.FpsNumerator * v.TimeBaseNumerator;
        return _start + (long)(num / den);
    }

    private long Property(int stream, ShimStreamProperty property) => Read(_shim, _demuxer, stream, property);

    private static long Read(FFmpegShim shim, nint demuxer, int stream, ShimStreamProperty property)
    {
        long value = 0;
        return shim.Demuxer.StreamProperty(demuxer, stream, (int)property, &value) < 0 ? 0 : value;
    }

    private static MediaStreamInfo Describe(FFmpegShim shim, nint demuxer, int i, long fileMicroseconds)
    {
        long P(ShimStreamProperty p) => Read(shim, demuxer, i, p);
        var type = (ShimMediaType)P(ShimStreamProperty.MediaType);
        int tbNum = (int)P(ShimStreamProperty.TimeBaseNum), tbDen = (int)P(ShimStreamProperty.TimeBaseDen);
        long duration = P(ShimStreamProperty.Duration);
        double seconds = duration > 0 && tbDen > 0 ? (double)duration * tbNum / tbDen : fileMicroseconds / 1e6;
        int rate = (int)P(ShimStreamProperty.SampleRate);
        return new MediaStreamInfo(
            i,
            type switch { ShimMediaType.Video => MediaStreamKind.Video, ShimMediaType.Audio => MediaStreamKind.Audio, _ => MediaStreamKind.Other },
            FFmpegShim.Text(shim.Demuxer.StreamCodecName(demuxer, i)),
            tbNum,
            tbDen,
            seconds,
            P(ShimStreamProperty.FrameCount),
            (int)P(ShimStreamProperty.Width),
            (int)P(ShimStreamProperty.Height),
            (int)P(ShimStreamProperty.FrameRateNum),
            (int)P(ShimStreamProperty.FrameRateDen),
            rate,
            (int)P(ShimStreamProperty.Channels),
            type == ShimMediaType.Audio ? (long)Math.Round(seconds * rate) : 0,
            P(ShimStreamProperty.BitRate),
            P(ShimStreamProperty.IndexEntries));
    }
}
