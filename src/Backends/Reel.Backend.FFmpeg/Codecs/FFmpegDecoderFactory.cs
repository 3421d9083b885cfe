using System;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Context;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// Decoders of one codec through one libavcodec decoder: h264, hevc and vp9 (software, into
/// Reel frame pools), libdav1d for AV1 (no direct rendering: its pictures are copied, so the
/// software backend's dav1d stays Reel's AV1 decoder), and h264_cuvid / hevc_cuvid / av1_cuvid
/// (NVDEC) in hardware where <see cref="HardwareCodecProbe"/> opened them.
/// </summary>
internal sealed class FFmpegDecoderFactory : IDecoderFactory
{
    /// <summary>libavcodec's most decoder threads through the shim.</summary>
    public const int MaxThreads = 64;

    /// <summary>Reference pictures the largest DPB keeps (H.264 / HEVC: 16).</summary>
    private const int ReferenceFrames = 16;

    private readonly string _decoderName;
    private readonly ShimCodec _shimCodec;

    /// <summary>A factory for <paramref name="codec"/> through libavcodec's <paramref name="decoderName"/>.</summary>
    public FFmpegDecoderFactory(VideoCodec codec, string decoderName, CodecBackend kind)
    {
        Codec = codec;
        _decoderName = decoderName;
        Kind = kind;
        _shimCodec = codec switch
        {
            VideoCodec.H264 => ShimCodec.H264,
            VideoCodec.Hevc => ShimCodec.Hevc,
            VideoCodec.Vp9 => ShimCodec.Vp9,
            _ => ShimCodec.Av1,
        };
        Capabilities = new DecoderCapabilities(decoderName, 16384, 16384, [Av1Profile.Main], [8, 10], [PixelLayout.I420]);
    }

    /// <inheritdoc/>
    public CodecBackend Kind { get; }

    /// <inheritdoc/>
    public VideoCodec Codec { get; }

    /// <inheritdoc/>
    public string Name => _decoderName;

    /// <inheritdoc/>
    public DecoderCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public bool IsAvailable(out string description)
    {
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        if (shim is null)
        {
            description = reason;
            return false;
        }
        bool usable = Kind == CodecBackend.Hardware
            ? HardwareCodecProbe.IsUsable(shim, _decoderName, encoder: false, out reason)
            : CodecPresence.Has(shim, _decoderName, encoder: false, out reason, _shimCodec);
        description = usable ? $"{_decoderName} (libavcodec {CodecPresence.LibavcodecVersion(shim)})" : reason;
        return usable;
    }

    /// <inheritdoc/>
    public ReelResult Create(ReelContext context, string name, DecoderSettings settings, int framesHeld, string function, out IDecoder? decoder)
    {
        decoder = null;
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        if (shim is null)
            return CodecErrors.Unsupported($"{function}: {reason}");
        if (settings.MaxFrameDelay != 0)
            return CodecErrors.Unsupported(
                $"{function}: desc->max_frame_delay is {settings.MaxFrameDelay}; {_decoderName} has no frame-delay setting (libavcodec's frame threading delays threads - 1 frames: set desc->threads, 1 for the lowest latency)");
        if (settings.Threads > MaxThreads)
            return CodecErrors.InvalidArgument($"{function}: desc->threads is {settings.Threads}; {_decoderName} takes 0 (FFmpeg's choice) to {MaxThreads}");
        int threads = settings.Threads == 0 ? Math.Min(Environment.ProcessorCount, MaxThreads) : settings.Threads;
        // References + frames in flight in the frame threads + the host's + 2 spare; the pool grows past that with a warning.
        uint poolMax = (uint)(ReferenceFrames + threads + framesHeld + 2);
        var allocator = new LibavFramePoolAllocator(context, name, poolMax, settings.FrameSizeLimit);
        ReelResult result = FFmpegSessionDecoder.Create(shim, _shimCodec, _decoderName, settings.Threads, allocator, function, out FFmpegSessionDecoder? created);
        if (result != ReelResult.Success)
        {
            allocator.Dispose();
            return result;
        }
        decoder = created;
        return ReelResult.Success;
    }
}
