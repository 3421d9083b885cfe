using System;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Containers;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Audio;

/// <summary>
/// A movie's Opus or AAC encoder (reelff_audio_encoder: libswresample when the codec does not
/// take the rate, an AVAudioFifo to the codec's frame size, sample-exact pts). It hands each
/// coded packet to a callback, so the muxer writes it at once. One thread at a time (the
/// movie muxer's lock).
/// </summary>
internal sealed unsafe class AudioTrackEncoder : IDisposable
{
    private readonly FFmpegShim _shim;
    private nint _encoder;

    private AudioTrackEncoder(FFmpegShim shim, nint encoder, AudioTrackSettings settings)
    {
        _shim = shim;
        _encoder = encoder;
        Settings = settings;
        int rate, frameSize, padding, tbNum, tbDen;
        shim.AudioEncoder.Info(encoder, &rate, &frameSize, &padding, &tbNum, &tbDen);
        CodecSampleRate = rate;
        FrameSize = frameSize;
        InitialPadding = padding;
        TimeBase = (tbNum, tbDen);
        BytesPerFrame = SampleFormats.BytesPerSample(settings.Format) * settings.Channels;
    }

    /// <summary>The PCM the host writes and the codec.</summary>
    public AudioTrackSettings Settings { get; }

    /// <summary>The rate the codec runs at (Opus: 48 kHz for 44.1 kHz input).</summary>
    public int CodecSampleRate { get; }

    /// <summary>Samples per packet at <see cref="CodecSampleRate"/>.</summary>
    public int FrameSize { get; }

    /// <summary>Encoder delay in samples (Opus pre-skip, AAC priming).</summary>
    public int InitialPadding { get; }

    /// <summary>Time base of packet timestamps (1/<see cref="CodecSampleRate"/>).</summary>
    public (int Num, int Den) TimeBase { get; }

    /// <summary>Bytes of one sample of every channel of the input.</summary>
    public int BytesPerFrame { get; }

    /// <summary>The shim's codec id of a Reel audio codec.</summary>
    public static ShimCodec CodecOf(AudioCodec codec) => codec == AudioCodec.Aac ? ShimCodec.Aac : ShimCodec.Opus;

    /// <summary>The shim's sample format of a Reel sample format.</summary>
    public static ShimSampleFormat FormatOf(SampleFormat format) => format switch
    {
        SampleFormat.S16 => ShimSampleFormat.S16,
        SampleFormat.S32 => ShimSampleFormat.S32,
        _ => ShimSampleFormat.F32,
    };

    /// <summary>Opens the encoder; errors name <paramref name="function"/> and what the shim refused.</summary>
    public static ReelResult Create(FFmpegShim shim, AudioTrackSettings settings, string function, out AudioTrackEncoder? encoder)
    {
        encoder = null;
        nint handle;
        int code = shim.AudioEncoder.Create((int)CodecOf(settings.Codec), (int)FormatOf(settings.Format), settings.SampleRate, settings.Channels, settings.Bitrate, &handle);
        if (code < 0)
            return ShimErrors.Fail(shim, code, function);
        encoder = new AudioTrackEncoder(shim, handle, settings);
        return ReelResult.Success;
    }

    /// <summary>The codec configuration the container stores (OpusHead / AudioSpecificConfig), owned by the encoder.</summary>
    public ReadOnlySpan<byte> Extradata
    {
        get
        {
            byte* data;
            int size;
            return _shim.AudioEncoder.Extradata(_encoder, &data, &size) < 0 || data == null ? default : new ReadOnlySpan<byte>(data, size);
        }
    }

    /// <summary>Samples per channel sent so far (input rate).</summary>
    public long InputFrames
    {
        get
        {
            long input;
            _shim.AudioEncoder.Counts(_encoder, &input, null);
            return input;
        }
    }

    /// <summary>Sends <paramref name="frames"/> samples per channel and hands every packet that completes to <paramref name="write"/>.</summary>
    public ReelResult Send(ReadOnlySpan<byte> samples, int frames, string function, PacketWriter write)
    {
        int code;
        fixed (byte* data = samples)
            code = _shim.AudioEncoder.Send(_encoder, data, frames);
        return code < 0 ? ShimErrors.Fail(_shim, code, function) : Drain(function, write);
    }

    /// <summary>Ends the input and hands the remaining packets to <paramref name="write"/>.</summary>
    public ReelResult Flush(string function, PacketWriter write)
    {
        int code = _shim.AudioEncoder.Flush(_encoder);
        return code < 0 ? ShimErrors.Fail(_shim, code, function) : Drain(function, write);
    }

    private ReelResult Drain(string function, PacketWriter write)
    {
        while (true)
        {
            byte* data;
            int size;
            long pts, duration;
            int code = _shim.AudioEncoder.Receive(_encoder, &data, &size, &pts, &duration);
            if (code == ShimConstants.ErrorAgain || code == ShimConstants.ErrorEof)
                return ReelResult.Success;
            if (code < 0)
                return ShimErrors.Fail(_shim, code, function);
            ReelResult result = write(data, size, pts, duration);
            if (result != ReelResult.Success)
                return result;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _shim.AudioEncoder.Destroy(_encoder);
        _encoder = 0;
    }

    /// <summary>Takes one coded packet (bytes valid during the call), pts and duration in <see cref="TimeBase"/>.</summary>
    public delegate ReelResult PacketWriter(byte* data, int size, long pts, long duration);
}
