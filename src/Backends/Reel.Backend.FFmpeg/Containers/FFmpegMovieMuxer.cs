using System;
using System.Text;
using Reel.Abi;
using Reel.Backend.FFmpeg.Audio;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Containers;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Containers;

/// <summary>
/// A movie file written by libavformat through the shim's muxer: the video stream gets its
/// packets from the encoder's worker (av1C / CodecPrivate taken from the first keyframe's
/// sequence header by the shim), the sound track PCM from the host, coded by
/// <see cref="AudioTrackEncoder"/> and written as each packet completes; libavformat
/// interleaves the two by timestamp. Each stream keeps Reel's own time base (video: one tick
/// per frame; audio: one per sample); the shim rescales once to whatever the container chose
/// in avformat_write_header. MP4/MOV are fragmented while recording (a killed process leaves
/// a playable prefix) and rewritten moov-first at end; WebM/MKV close a cluster every flush
/// interval. The first failure is kept: later writes repeat it and what was written stays
/// playable. Thread-safe (one lock).
/// </summary>
internal sealed unsafe class FFmpegMovieMuxer : IMovieMuxer
{
    private readonly FFmpegShim _shim;
    private readonly MovieMuxerSettings _settings;
    private readonly AudioTrackEncoder? _audio;
    private readonly int _videoStream;
    private readonly int _audioStream;
    private readonly object _lock = new();
    private readonly AudioTrackEncoder.PacketWriter _writeAudioPacket;
    private nint _muxer;
    private bool _ended;
    private MovieMuxerStats _final;

    private FFmpegMovieMuxer(FFmpegShim shim, MovieMuxerSettings settings, nint muxer, int videoStream, AudioTrackEncoder? audio, int audioStream)
    {
        _shim = shim;
        _settings = settings;
        _muxer = muxer;
        _videoStream = videoStream;
        _audio = audio;
        _audioStream = audioStream;
        _writeAudioPacket = WriteAudioPacket;
    }

    /// <summary>Creates the muxer, its streams and the file (begin); nothing is left behind on failure but what the shim wrote.</summary>
    public static ReelResult Create(FFmpegShim shim, MovieMuxerSettings settings, string function, out IMovieMuxer? muxer)
    {
        muxer = null;
        nint handle = 0;
        AudioTrackEncoder? audio = null;
        ReelResult result = Build(shim, settings, function, ref handle, ref audio, out int videoStream, out int audioStream);
        if (result != ReelResult.Success)
        {
            shim.Muxer.Destroy(handle);
            audio?.Dispose();
            return result;
        }
        muxer = new FFmpegMovieMuxer(shim, settings, handle, videoStream, audio, audioStream);
        return ReelResult.Success;
    }

    private static ReelResult Build(FFmpegShim shim, MovieMuxerSettings settings, string function, ref nint handle, ref AudioTrackEncoder? audio, out int videoStream, out int audioStream)
    {
        videoStream = audioStream = -1;
        byte[] path = Utf8(settings.Path);
        byte[] container = Utf8(ContainerFormats.Name(settings.Format));
        int code;
        nint made;
        fixed (byte* p = path, c = container)
            code = shim.Muxer.Create(p, c, &made);
        if (code < 0)
            return ShimErrors.Fail(shim, code, function, settings.Path);
        handle = made;
        if (settings.Format is ContainerFormat.Mp4 or ContainerFormat.Mov)
        {
            if ((code = shim.Muxer.SetOption(handle, (int)ShimMuxerOption.Faststart, settings.Faststart ? 1 : 0)) < 0)
                return ShimErrors.Fail(shim, code, function, settings.Path);
        }
        if ((code = shim.Muxer.SetOption(handle, (int)ShimMuxerOption.FlushIntervalMs, settings.FlushIntervalMs)) < 0)
            return ShimErrors.Fail(shim, code, function, settings.Path);
        VideoTrackSettings video = settings.Video;
        int stream;
        // Time base = one frame: the encoder's pts count frames, and Reel keeps that base
        // whatever the container picks (the shim rescales each packet once, when written).
        code = shim.Muxer.AddVideoStream(handle, (int)CodecOf(video.Codec), video.Width, video.Height, video.FpsDenominator, video.FpsNumerator,
            video.FpsNumerator, video.FpsDenominator, null, 0, &stream);
        if (code < 0)
            return ShimErrors.Fail(shim, code, function, settings.Path);
        videoStream = stream;
        if (settings.Audio is not null)
        {
            ReelResult result = AudioTrackEncoder.Create(shim, settings.Audio, function, out audio);
            if (result != ReelResult.Success)
                return result;
            ReadOnlySpan<byte> head = audio!.Extradata;
            fixed (byte* h = head)
                code = shim.Muxer.AddAudioStream(handle, (int)AudioTrackEncoder.CodecOf(settings.Audio.Codec), audio.CodecSampleRate, settings.Audio.Channels,
                    audio.TimeBase.Num, audio.TimeBase.Den, h, head.Length, audio.InitialPadding, audio.FrameSize, &stream);
            if (code < 0)
                return ShimErrors.Fail(shim, code, function, settings.Path);
            audioStream = stream;
        }
        code = shim.Muxer.Begin(handle);
        return code < 0 ? ShimErrors.Fail(shim, code, function, settings.Path) : ReelResult.Success;
    }

    /// <summary>The shim's codec id of a Reel video codec.</summary>
    public static ShimCodec CodecOf(VideoCodec codec) => codec switch
    {
        VideoCodec.H264 => ShimCodec.H264,
        VideoCodec.Hevc => ShimCodec.Hevc,
        _ => ShimCodec.Av1,
    };

    /// <inheritdoc/>
    public ReelResult WriteVideo(in EncodedPacket packet, string function)
    {
        lock (_lock)
        {
            if (_muxer == 0 || _ended)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: {_settings.Path}: the movie has ended");
            // AV1 temporal units are in presentation order (hidden frames travel inside them): dts = pts.
            // H.264 / HEVC with B-frames are in decode order: the encoder's dts (below pts by the reorder delay).
            long dts = _settings.Video.Codec == VideoCodec.Av1 ? packet.Pts : packet.Dts;
            int code = _shim.Muxer.WritePacket(_muxer, _videoStream, packet.Data, packet.Size, packet.Pts, dts, 1,
                packet.IsKeyframe ? ShimConstants.PacketKeyframe : 0);
            return code < 0 ? ShimErrors.Fail(_shim, code, function, _settings.Path) : ReelResult.Success;
        }
    }

    /// <inheritdoc/>
    public ReelResult WriteAudio(ReadOnlySpan<byte> samples, int frames, string function)
    {
        lock (_lock)
        {
            if (_audio is null)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the movie has no sound track (desc->audio_codec was REEL_AUDIO_CODEC_NONE)");
            if (_muxer == 0 || _ended)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the movie writer has ended");
            return _audio.Send(samples, frames, function, _writeAudioPacket);
        }
    }

    /// <inheritdoc/>
    public ReelResult End(string function)
    {
        lock (_lock)
        {
            if (_muxer == 0 || _ended)
                return ReelResult.Success;
            ReelResult result = _audio is null ? ReelResult.Success : _audio.Flush(function, _writeAudioPacket);
            int code = _shim.Muxer.End(_muxer);
            _ended = true;
            _final = Collect();
            if (result == ReelResult.Success && code < 0)
                result = ShimErrors.Fail(_shim, code, function, _settings.Path);
            return result;
        }
    }

    /// <inheritdoc/>
    public MovieMuxerStats GetStats()
    {
        lock (_lock)
            return _ended || _muxer == 0 ? _final : Collect();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            if (!_ended && _muxer != 0)
                _final = Collect();
            // Not ended: the shim finishes the file as end does, without the faststart rewrite.
            _shim.Muxer.Destroy(_muxer);
            _muxer = 0;
            _audio?.Dispose();
        }
    }

    private ReelResult WriteAudioPacket(byte* data, int size, long pts, long duration)
    {
        int code = _shim.Muxer.WritePacket(_muxer, _audioStream, data, size, pts, pts, duration, ShimConstants.PacketKeyframe);
        return code < 0 ? ShimErrors.Fail(_shim, code, "write audio", _settings.Path) : ReelResult.Success;
    }

    private MovieMuxerStats Collect()
    {
        long file, overhead;
        _shim.Muxer.Stats(_muxer, &file, null, &overhead);
        long packets = 0, bytes = 0, endPts = ShimConstants.NoPts;
        if (_audio is not null)
            _shim.Muxer.StreamStats(_muxer, _audioStream, &packets, &bytes, &endPts);
        double seconds = _audio is null || endPts == ShimConstants.NoPts ? 0 : (double)endPts * _audio.TimeBase.Num / _audio.TimeBase.Den;
        return new MovieMuxerStats(file, overhead, _audio?.InputFrames ?? 0, packets, bytes, seconds);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");
}
