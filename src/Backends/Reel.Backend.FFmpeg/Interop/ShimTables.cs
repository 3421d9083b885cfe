namespace Reel.Backend.FFmpeg.Interop;

/// <summary>The bound function tables of one loaded shim, before <see cref="FFmpegShim"/> takes them.</summary>
internal sealed record ShimTables(
    ShimVersionFunctions Version,
    ShimErrorFunctions Errors,
    ShimMuxerFunctions Muxer,
    ShimAudioEncoderFunctions AudioEncoder,
    ShimDemuxerFunctions Demuxer,
    ShimAudioDecoderFunctions AudioDecoder,
    ShimVideoDecoderFunctions VideoDecoder,
    ShimVideoEncoderFunctions VideoEncoder,
    ShimHwProbeFunctions HwProbe);
