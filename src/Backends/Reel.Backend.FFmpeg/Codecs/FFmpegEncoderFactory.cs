using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// Encoders of one codec through one libavcodec encoder: libx264 (H.264) and libx265 (HEVC)
/// in software; h264_nvenc, hevc_nvenc, h264_qsv, hevc_qsv in hardware (system-memory input),
/// usable only where <see cref="HardwareCodecProbe"/> opened them.
/// </summary>
internal sealed class FFmpegEncoderFactory : IEncoderFactory
{
    private readonly string _encoderName;

    /// <summary>A factory for <paramref name="codec"/> through libavcodec's <paramref name="encoderName"/>.</summary>
    public FFmpegEncoderFactory(VideoCodec codec, string encoderName, CodecBackend kind)
    {
        Codec = codec;
        _encoderName = encoderName;
        Kind = kind;
        Capabilities = new EncoderCapabilities(
            encoderName,
            minWidth: 16, maxWidth: 16384, minHeight: 16, maxHeight: 16384, requiresEvenDimensions: true,
            maxFramesPerSecond: 1000,
            profiles: [Av1Profile.Main],
            rateControlModes: [RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Vbr, RateControlMode.Cbr],
            keyframeForcingModes: [RateControlMode.Crf, RateControlMode.Cqp, RateControlMode.Vbr, RateControlMode.Cbr],
            presets: [EncoderPreset.Medium, EncoderPreset.Low, EncoderPreset.High, EncoderPreset.Speed],
            minSpeedPreset: 0, maxSpeedPreset: EncoderSettingsMapping.X26xPresets.Length - 1,
            minBitrate: 10_000, maxBitrate: 800_000_000,
            maxTileRowsLog2: 0, maxTileColumnsLog2: 0, maxTileCountLog2: 0,
            maxThreads: 64)
        {
            Settings = EncoderCapabilities.H26xEncoderSettings | (EncoderSettingsMapping.ChangesBitrateLive(encoderName) ? EncoderSettingFlags.LiveBitrate : 0),
            ProfileIdcs = codec == VideoCodec.H264 ? [66, 77, 100] : [1],
        };
    }

    /// <inheritdoc/>
    public CodecBackend Kind { get; }

    /// <inheritdoc/>
    public VideoCodec Codec { get; }

    /// <inheritdoc/>
    public string Name => _encoderName;

    /// <inheritdoc/>
    public EncoderCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public FrameInputs Inputs => FrameInputs.CpuI420;

    /// <summary>Whether the encoder changes its bitrate on a live stream (libx264, nvenc).</summary>
    public bool ChangesBitrateLive => EncoderSettingsMapping.ChangesBitrateLive(_encoderName);

    /// <inheritdoc/>
    public bool IsAvailable(out string description)
    {
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        if (shim is null)
        {
            description = reason;
            return false;
        }
        if (!CodecPresence.Has(shim, _encoderName, encoder: true, out reason))
        {
            description = reason;
            return false;
        }
        if (Kind == CodecBackend.Hardware && !HardwareCodecProbe.IsUsable(shim, _encoderName, encoder: true, out reason))
        {
            description = reason;
            return false;
        }
        description = $"{_encoderName} (libavcodec {CodecPresence.LibavcodecVersion(shim)})";
        return true;
    }

    /// <inheritdoc/>
    public ReelResult Check(EncoderSettings settings, string prefix)
    {
        ReelResult result = settings.Validate(Capabilities, prefix);
        return result != ReelResult.Success ? result : H26xRules.Check(settings, _encoderName, prefix);
    }

    /// <inheritdoc/>
    public ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder)
    {
        encoder = null;
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        if (shim is null)
            return CodecErrors.Unsupported($"{function}: {reason}");
        ReelResult result = FFmpegVideoEncoder.Create(shim, _encoderName, settings, function, out FFmpegVideoEncoder? created);
        encoder = created;
        return result;
    }
}
