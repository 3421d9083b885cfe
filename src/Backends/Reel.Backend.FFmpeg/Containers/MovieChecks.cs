using Reel.Abi;
using Reel.Backend.FFmpeg.Audio;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Containers;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Containers;

/// <summary>
/// Checks a movie's settings before any file is touched: which codecs each container holds
/// in libavformat 59, and the sound track's PCM against the codec (ranges named with their C
/// fields; channel layouts the codec refuses come from reelff_audio_format_check).
/// </summary>
internal static unsafe class MovieChecks
{
    /// <summary>Lowest audio rate the shim takes.</summary>
    public const int MinSampleRate = 8000;

    /// <summary>Highest audio rate the shim takes.</summary>
    public const int MaxSampleRate = 192000;

    /// <summary>Most channels (7.1).</summary>
    public const int MaxChannels = 8;

    /// <summary>Lowest explicit audio bitrate.</summary>
    public const long MinAudioBitrate = 6000;

    /// <summary>Highest audio bitrate.</summary>
    public const long MaxAudioBitrate = 1024000;

    /// <summary>Success, or the first refused setting named with <paramref name="prefix"/> (e.g. "desc->").</summary>
    public static ReelResult Check(FFmpegShim shim, MovieMuxerSettings settings, string function, string prefix)
    {
        string container = ContainerName(settings.Format);
        VideoCodec video = settings.Video.Codec;
        if (settings.Format == ContainerFormat.Mov && video is not (VideoCodec.H264 or VideoCodec.Hevc))
            return CodecErrors.Unsupported($"{function}: {container} cannot hold {video.ToString().ToUpperInvariant()} in FFmpeg 5.1 (its movenc writes AV1 only in MP4); write .mp4, .webm or .mkv");
        if (settings.Format == ContainerFormat.Webm && video != VideoCodec.Av1)
            return CodecErrors.Unsupported($"{function}: WebM holds AV1 and VP9 video only, not {video.ToString().ToUpperInvariant()}; write .mp4 or .mkv");
        AudioTrackSettings? audio = settings.Audio;
        if (audio is null)
            return ReelResult.Success;
        if (audio.Codec is not (AudioCodec.Opus or AudioCodec.Aac))
            return CodecErrors.InvalidArgument($"{function}: {prefix}audio_codec is {(int)audio.Codec}; allowed REEL_AUDIO_CODEC_NONE (0), REEL_AUDIO_CODEC_OPUS (1) or REEL_AUDIO_CODEC_AAC (2)");
        if (settings.Format == ContainerFormat.Webm && audio.Codec == AudioCodec.Aac)
            return CodecErrors.Unsupported($"{function}: {prefix}audio_codec is REEL_AUDIO_CODEC_AAC; WebM holds Opus only (use REEL_AUDIO_CODEC_OPUS, or .mp4 / .mkv for AAC)");
        if (settings.Format == ContainerFormat.Mov && audio.Codec == AudioCodec.Opus)
            return CodecErrors.Unsupported($"{function}: {prefix}audio_codec is REEL_AUDIO_CODEC_OPUS; MOV holds AAC only in FFmpeg 5.1");
        if (audio.Format is not (SampleFormat.S16 or SampleFormat.S32 or SampleFormat.F32))
            return CodecErrors.InvalidArgument($"{function}: {prefix}audio_format is {(int)audio.Format}; allowed REEL_SAMPLE_FORMAT_F32 (1), REEL_SAMPLE_FORMAT_S16 (2) or REEL_SAMPLE_FORMAT_S32 (3)");
        if (audio.SampleRate is < MinSampleRate or > MaxSampleRate)
            return CodecErrors.InvalidArgument($"{function}: {prefix}audio_sample_rate is {audio.SampleRate}; allowed {MinSampleRate} to {MaxSampleRate}");
        if (audio.Channels is < 1 or > MaxChannels)
            return CodecErrors.InvalidArgument($"{function}: {prefix}audio_channels is {audio.Channels}; allowed 1 to {MaxChannels}");
        if (audio.Bitrate != 0 && audio.Bitrate is < MinAudioBitrate or > MaxAudioBitrate)
            return CodecErrors.InvalidArgument($"{function}: {prefix}audio_bitrate is {audio.Bitrate}; allowed 0 (the codec's default) or {MinAudioBitrate} to {MaxAudioBitrate}");
        int code = shim.AudioEncoder.AudioFormatCheck((int)AudioTrackEncoder.CodecOf(audio.Codec), (int)AudioTrackEncoder.FormatOf(audio.Format), audio.SampleRate, audio.Channels);
        return code < 0 ? ShimErrors.Fail(shim, code, $"{function}: {prefix}audio_*") : ReelResult.Success;
    }

    private static string ContainerName(ContainerFormat format) => format switch
    {
        ContainerFormat.Mov => "MOV",
        ContainerFormat.Webm => "WebM",
        ContainerFormat.Matroska => "Matroska",
        _ => "MP4",
    };
}
