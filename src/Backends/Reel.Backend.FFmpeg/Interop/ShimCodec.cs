namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_codec_t: the shim's stable codec ids (FFmpeg's AVCodecID never crosses).</summary>
internal enum ShimCodec
{
    /// <summary>A codec the shim has no name for.</summary>
    Other = 0,
    /// <summary>AV1.</summary>
    Av1 = 1,
    /// <summary>H.264.</summary>
    H264 = 2,
    /// <summary>HEVC.</summary>
    Hevc = 3,
    /// <summary>VP9.</summary>
    Vp9 = 4,
    /// <summary>Opus.</summary>
    Opus = 5,
    /// <summary>AAC.</summary>
    Aac = 6,
    /// <summary>Any uncompressed PCM.</summary>
    Pcm = 7,
    /// <summary>VP8.</summary>
    Vp8 = 8,
    /// <summary>Vorbis.</summary>
    Vorbis = 9,
    /// <summary>FLAC.</summary>
    Flac = 10,
    /// <summary>MP3.</summary>
    Mp3 = 11,
}
