using Reel.Abi;
using Reel.Backends;
using Reel.Containers;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Containers;

/// <summary>
/// A file's sound read as interleaved PCM (<c>reel_audio_reader_t</c>): WAV or a movie's best
/// audio stream, decoded by the container backend (FFmpeg) at the file's own rate.
/// </summary>
internal sealed unsafe class AudioInput : MediaFile
{
    /// <summary>Open readers by handle.</summary>
    public static readonly HandleTable<AudioInput> Table = new(HandleType.AudioReader, MaxOpenFiles);

    private readonly IAudioFileReader _reader;

    private AudioInput(ReelContext context, string path, IAudioFileReader reader, SampleFormat format) : base(context, path)
    {
        _reader = reader;
        Format = format;
    }

    /// <summary>No pictures: a sound file has no video to describe.</summary>
    public override MediaInfo Info => default;

    /// <summary>The PCM format the reader produces.</summary>
    public SampleFormat Format { get; }

    /// <summary>Hz.</summary>
    public int SampleRate => _reader.SampleRate;

    /// <summary>Interleaved channels.</summary>
    public int Channels => _reader.Channels;

    /// <summary>Samples per channel the file declares; 0 unknown.</summary>
    public long DurationFrames => _reader.DurationFrames;

    /// <summary>Opens <paramref name="path"/> through the container backend.</summary>
    public static ReelResult Open(ReelContext context, string path, SampleFormat format, string function, out AudioInput? input)
    {
        input = null;
        if (format is not (SampleFormat.S16 or SampleFormat.S32 or SampleFormat.F32))
            return CodecErrors.InvalidArgument($"{function}: format is {(int)format}; allowed REEL_SAMPLE_FORMAT_F32 (1), REEL_SAMPLE_FORMAT_S16 (2) or REEL_SAMPLE_FORMAT_S32 (3)");
        IContainerBackend? backend = BackendRegistry.ContainerBackend;
        if (backend is null)
            return CodecErrors.Unavailable($"{function}: reading sound needs the FFmpeg backend, which this libreel does not register");
        if (!backend.ContainersAvailable(out string reason))
            return CodecErrors.Unavailable($"{function}: reading sound is unavailable: {reason}");
        ReelResult result = backend.OpenAudio(path, format, function, out IAudioFileReader? reader);
        if (result != ReelResult.Success)
            return result;
        var made = new AudioInput(context, path, reader!, format);
        result = Register(Table, made, function);
        if (result == ReelResult.Success)
            input = made;
        return result;
    }

    /// <summary>Reads up to <paramref name="maxFrames"/> samples per channel; 0 at the end.</summary>
    public ReelResult Read(void* buffer, int maxFrames, string function, out int framesRead)
    {
        framesRead = 0;
        Gate.Enter();
        try
        {
            ReelResult result = CheckOpen(function);
            return result != ReelResult.Success ? result : _reader.Read(buffer, maxFrames, function, out framesRead);
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <inheritdoc/>
    protected override ReelResult CloseFile(string function)
    {
        _reader.Dispose();
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    protected override bool RemoveFromTable() => Table.TryRemove(Handle, out _) == HandleError.None;
}
