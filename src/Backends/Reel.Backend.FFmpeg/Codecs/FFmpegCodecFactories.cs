using Reel.Backends;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// The codecs the FFmpeg backend offers, hardware listed beside software so that AUTO tries
/// hardware first and falls back with the probe's reason. AV1 is decoded here too (libdav1d
/// through libavcodec), but the software backend's direct dav1d comes first in the registry
/// and stays Reel's AV1 decoder; AV1 is not encoded here (FFmpeg 5.1 has no hardware AV1
/// encoder, and SVT-AV1 direct is the better path). av1_cuvid is left out on purpose: AV1's
/// hardware path is the Vulkan backend's, and a hardware AV1 entry here would turn AUTO and
/// HARDWARE for AV1 into NVDEC probes on every machine.
/// </summary>
internal static class FFmpegCodecFactories
{
    /// <summary>Encoder factories: libx264, libx265, and the NVENC / Quick Sync wrappers.</summary>
    public static IEncoderFactory[] Encoders() =>
    [
        new FFmpegEncoderFactory(VideoCodec.H264, "libx264", CodecBackend.Software),
        new FFmpegEncoderFactory(VideoCodec.Hevc, "libx265", CodecBackend.Software),
        new FFmpegEncoderFactory(VideoCodec.H264, "h264_nvenc", CodecBackend.Hardware),
        new FFmpegEncoderFactory(VideoCodec.Hevc, "hevc_nvenc", CodecBackend.Hardware),
        new FFmpegEncoderFactory(VideoCodec.H264, "h264_qsv", CodecBackend.Hardware),
        new FFmpegEncoderFactory(VideoCodec.Hevc, "hevc_qsv", CodecBackend.Hardware),
    ];

    /// <summary>Decoder factories: h264, hevc, vp9, libdav1d in software; NVDEC (cuvid) for H.264, HEVC and VP9 in hardware.</summary>
    public static IDecoderFactory[] Decoders() =>
    [
        new FFmpegDecoderFactory(VideoCodec.H264, "h264", CodecBackend.Software),
        new FFmpegDecoderFactory(VideoCodec.Hevc, "hevc", CodecBackend.Software),
        new FFmpegDecoderFactory(VideoCodec.Vp9, "vp9", CodecBackend.Software),
        new FFmpegDecoderFactory(VideoCodec.Av1, "libdav1d", CodecBackend.Software),
        new FFmpegDecoderFactory(VideoCodec.H264, "h264_cuvid", CodecBackend.Hardware),
        new FFmpegDecoderFactory(VideoCodec.Hevc, "hevc_cuvid", CodecBackend.Hardware),
        new FFmpegDecoderFactory(VideoCodec.Vp9, "vp9_cuvid", CodecBackend.Hardware),
    ];
}
