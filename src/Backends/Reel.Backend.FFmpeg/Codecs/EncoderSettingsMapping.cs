using System;
using System.Collections.Generic;
using Reel.Backend.FFmpeg.Interop;
using Reel.Codecs.Encoders;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// Reel's encoder settings as the shim's keyed settings for one libavcodec encoder: rate
/// control and its QP/CRF (quality mapped by <see cref="EncoderSettings.H26xQuantizerForQuality"/>),
/// bitrates, keyframe interval, B-frames, low latency, threads, level, profile and preset
/// names. Parameter sets always go in-band (GLOBAL_HEADER 0). Each entry carries the C field
/// it came from, so a refusal by the shim names the host's field.
/// </summary>
internal sealed class EncoderSettingsMapping
{
    /// <summary>x264 / x265 presets from slowest (speed_preset 0) to fastest (9).</summary>
    public static readonly string[] X26xPresets =
        ["placebo", "veryslow", "slower", "slow", "medium", "fast", "faster", "veryfast", "superfast", "ultrafast"];

    /// <summary>nvenc presets from slowest to fastest (p7 .. p1), indexed like <see cref="X26xPresets"/>.</summary>
    private static readonly string[] s_nvencPresets = ["p7", "p7", "p6", "p5", "p4", "p3", "p3", "p2", "p1", "p1"];

    /// <summary>qsv presets from slowest to fastest, indexed like <see cref="X26xPresets"/>.</summary>
    private static readonly string[] s_qsvPresets =
        ["veryslow", "veryslow", "slower", "slow", "medium", "fast", "faster", "veryfast", "veryfast", "veryfast"];

    /// <summary>Integer settings: key, value, the C field it came from.</summary>
    public List<(ShimVideoEncoderInt Key, long Value, string Field)> Ints { get; } = [];

    /// <summary>String settings: key, value, the C field it came from.</summary>
    public List<(ShimVideoEncoderString Key, string Value, string Field)> Strings { get; } = [];

    /// <summary>Whether the libavcodec wrapper reconfigures a live encoder's bitrate in FFmpeg 5.1 (libx264 and nvenc).</summary>
    public static bool ChangesBitrateLive(string encoderName)
        => encoderName is "libx264" or "h264_nvenc" or "hevc_nvenc";

    /// <summary>The speed index (0 slowest .. 9 fastest) of <paramref name="s"/>'s preset.</summary>
    public static int SpeedIndex(EncoderSettings s) => s.Preset switch
    {
        EncoderPreset.Low => 7,   // veryfast
        EncoderPreset.High => 3,  // slow
        EncoderPreset.Speed => (int)s.SpeedPreset, // validated: 0..9
        _ => 4,                   // medium
    };

    /// <summary>The preset name <paramref name="encoderName"/> gets for <paramref name="s"/>; null where the wrapper has none (vaapi).</summary>
    public static string? PresetName(string encoderName, EncoderSettings s)
    {
        int index = SpeedIndex(s);
        if (encoderName is "libx264" or "libx265")
            return X26xPresets[index];
        if (encoderName.EndsWith("_nvenc", StringComparison.Ordinal))
            return s_nvencPresets[index];
        if (encoderName.EndsWith("_qsv", StringComparison.Ordinal))
            return s_qsvPresets[index];
        return null;
    }

    /// <summary>The shim's name of an H.264 / HEVC profile_idc, or null when Reel does not offer it for 8-bit 4:2:0 input.</summary>
    public static string? ProfileName(Reel.Backends.VideoCodec codec, uint profileIdc) => (codec, profileIdc) switch
    {
        (Reel.Backends.VideoCodec.H264, 66) => "baseline",
        (Reel.Backends.VideoCodec.H264, 77) => "main",
        (Reel.Backends.VideoCodec.H264, 100) => "high",
        (Reel.Backends.VideoCodec.Hevc, 1) => "main",
        _ => null,
    };

    /// <summary>The mapping of <paramref name="s"/> for <paramref name="encoderName"/>.</summary>
    public static EncoderSettingsMapping For(string encoderName, EncoderSettings s)
    {
        var m = new EncoderSettingsMapping();
        m.Ints.Add((ShimVideoEncoderInt.Width, s.Width, "width"));
        m.Ints.Add((ShimVideoEncoderInt.Height, s.Height, "height"));
        m.Ints.Add((ShimVideoEncoderInt.PixelFormat, (long)ShimPixelFormat.I420, "format"));
        m.Ints.Add((ShimVideoEncoderInt.FrameRateNum, s.FpsNumerator, "fps_num"));
        m.Ints.Add((ShimVideoEncoderInt.FrameRateDen, s.FpsDenominator, "fps_den"));
        // Frame pts count frames (the session's timestamps): time base = 1 / frame rate.
        m.Ints.Add((ShimVideoEncoderInt.TimeBaseNum, s.FpsDenominator, "fps_den"));
        m.Ints.Add((ShimVideoEncoderInt.TimeBaseDen, s.FpsNumerator, "fps_num"));
        m.Ints.Add((ShimVideoEncoderInt.GlobalHeader, 0, "codec"));
        switch (s.RateControl)
        {
            case RateControlMode.Cqp:
                m.Ints.Add((ShimVideoEncoderInt.RateControl, (long)ShimRateControl.Cqp, "rate_control"));
                m.Ints.Add((ShimVideoEncoderInt.Quality, EncoderSettings.H26xQuantizerForQuality((int)s.Quality), "quality"));
                break;
            case RateControlMode.Vbr:
                m.Ints.Add((ShimVideoEncoderInt.RateControl, (long)ShimRateControl.Vbr, "rate_control"));
                m.Ints.Add((ShimVideoEncoderInt.Bitrate, (long)s.TargetBitrate, "bitrate"));
                break;
            case RateControlMode.Cbr:
                m.Ints.Add((ShimVideoEncoderInt.RateControl, (long)ShimRateControl.Cbr, "rate_control"));
                m.Ints.Add((ShimVideoEncoderInt.Bitrate, (long)s.TargetBitrate, "bitrate"));
                if (s.BufferSize != 0)
                    m.Ints.Add((ShimVideoEncoderInt.BufferSize, (long)s.BufferSize, "buffer_size"));
                break;
            default:
                m.Ints.Add((ShimVideoEncoderInt.RateControl, (long)ShimRateControl.Crf, "rate_control"));
                m.Ints.Add((ShimVideoEncoderInt.Quality, EncoderSettings.H26xQuantizerForQuality((int)s.Quality), "quality"));
                if (s.MaxBitrate != 0)
                {
                    m.Ints.Add((ShimVideoEncoderInt.MaxBitrate, (long)s.MaxBitrate, "max_bitrate"));
                    // A capped CRF needs a VBV buffer: one second of the cap.
                    m.Ints.Add((ShimVideoEncoderInt.BufferSize, (long)s.MaxBitrate, "max_bitrate"));
                }
                break;
        }
        if (s.KeyframeInterval != 0)
            m.Ints.Add((ShimVideoEncoderInt.Keyint, s.KeyframeInterval, "keyframe_interval"));
        if (s.BFrames >= 0)
            m.Ints.Add((ShimVideoEncoderInt.BFrames, s.BFrames, s.BFrames == 0 ? "flags (REEL_ENCODER_FLAG_NO_B_FRAMES)" : "max_b_frames"));
        if (s.LowLatency)
            m.Ints.Add((ShimVideoEncoderInt.LowLatency, 1, "flags (REEL_ENCODER_FLAG_LOW_LATENCY)"));
        if (s.Threads != 0)
            m.Ints.Add((ShimVideoEncoderInt.Threads, s.Threads, "threads"));
        if (s.Level != 0)
            m.Ints.Add((ShimVideoEncoderInt.Level, s.Level, "level"));
        if (s.ProfileIdc != 0 && ProfileName(s.Codec, s.ProfileIdc) is { } profile)
            m.Strings.Add((ShimVideoEncoderString.Profile, profile, "profile_idc"));
        if (PresetName(encoderName, s) is { } preset)
            m.Strings.Add((ShimVideoEncoderString.Preset, preset, s.Preset == EncoderPreset.Speed ? "speed_preset" : "preset"));
        return m;
    }
}
