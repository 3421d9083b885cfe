namespace Reel.Backends;

/// <summary>
/// A video coding format. Sessions ask the registry for a backend by codec; each encoder and
/// decoder factory serves exactly one.
/// </summary>
[Reel.Abi.CType("reel_video_codec_t", MemberPrefix = "REEL_VIDEO_CODEC_")]
public enum VideoCodec
{
    /// <summary>The default of a zeroed desc: AV1 (readers turn it into <see cref="Av1"/>).</summary>
    Default = 0,
    /// <summary>AV1 (SVT-AV1 and dav1d in the software backend).</summary>
    Av1 = 1,
    /// <summary>H.264 / AVC.</summary>
    H264 = 2,
    /// <summary>H.265 / HEVC.</summary>
    Hevc = 3,
    /// <summary>VP9.</summary>
    Vp9 = 4,
}
