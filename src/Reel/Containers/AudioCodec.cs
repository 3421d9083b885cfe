using Reel.Abi;

namespace Reel.Containers;

/// <summary>Audio codecs of a movie's sound track (<c>reel_audio_codec_t</c>). Values are pinned.</summary>
[CType("reel_audio_codec_t", MemberPrefix = "REEL_AUDIO_CODEC_")]
public enum AudioCodec
{
    /// <summary>No sound track.</summary>
    None = 0,
    /// <summary>Opus (libopus): WebM, Matroska, MP4.</summary>
    Opus = 1,
    /// <summary>AAC-LC (libavcodec's native encoder): MP4, MOV, Matroska.</summary>
    Aac = 2,
}
