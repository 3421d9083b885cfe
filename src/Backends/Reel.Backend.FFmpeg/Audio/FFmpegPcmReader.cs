using System.Text;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Containers;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Audio;

/// <summary>
/// A file's best audio stream as interleaved PCM through the shim's PCM reader (a demuxer plus
/// an audio decoder; the encoder delay the container signals is dropped). One thread at a time.
/// </summary>
internal sealed unsafe class FFmpegPcmReader : IAudioFileReader
{
    private readonly FFmpegShim _shim;
    private readonly string _path;
    private nint _reader;

    private FFmpegPcmReader(FFmpegShim shim, string path, nint reader)
    {
        _shim = shim;
        _path = path;
        _reader = reader;
        int rate, channels, codec;
        long frames;
        shim.AudioDecoder.PcmReaderInfo(reader, &rate, &channels, &codec, &frames);
        SampleRate = rate;
        Channels = channels;
        DurationFrames = frames;
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <inheritdoc/>
    public int Channels { get; }

    /// <inheritdoc/>
    public long DurationFrames { get; }

    /// <summary>Opens <paramref name="path"/>; I/O errors name it, a file without sound is unsupported.</summary>
    public static ReelResult Open(FFmpegShim shim, string path, SampleFormat format, string function, out IAudioFileReader? reader)
    {
        reader = null;
        byte[] utf8 = Encoding.UTF8.GetBytes(path + "\0");
        nint handle;
        int code;
        fixed (byte* p = utf8)
            code = shim.AudioDecoder.PcmReaderOpen(p, (int)AudioTrackEncoder.FormatOf(format), &handle);
        if (code < 0)
            return ShimErrors.Fail(shim, code, function, path);
        reader = new FFmpegPcmReader(shim, path, handle);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Read(void* buffer, int maxFrames, string function, out int framesRead)
    {
        int read;
        int code = _shim.AudioDecoder.PcmReaderRead(_reader, buffer, maxFrames, &read);
        framesRead = code < 0 ? 0 : read;
        return code < 0 ? ShimErrors.Fail(_shim, code, function, _path) : ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _shim.AudioDecoder.PcmReaderDestroy(_reader);
        _reader = 0;
    }
}
