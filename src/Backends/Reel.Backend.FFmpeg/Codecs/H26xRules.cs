using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Encoders;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// What an H.264 / HEVC encoder through libavcodec cannot honour among Reel's settings, refused
/// before the codec starts with a message naming the C field: the AV1-only fields (profile,
/// tiles, CDEF, restoration, colour description), a profile_idc Reel does not offer for 8-bit
/// 4:2:0 input, and B-frames with the baseline profile or low latency. The shim checks the
/// same again at open, against the encoder's own tables.
/// </summary>
internal static class H26xRules
{
    /// <summary>Success, or ErrorUnsupported / ErrorInvalidArgument naming the field after <paramref name="prefix"/>.</summary>
    public static ReelResult Check(EncoderSettings s, string encoderName, string prefix)
    {
        string codec = Reel.Backends.BackendRegistry.CodecName(s.Codec);
        if (s.Profile != Av1Profile.Main)
            return CodecErrors.Unsupported($"{prefix}profile is {s.Profile}; it is an AV1 profile, {encoderName} codes {codec} (use profile_idc)");
        if (s.Cdef != FilterSwitch.Default)
            return CodecErrors.Unsupported($"{prefix}cdef is {s.Cdef}; CDEF is an AV1 filter, {encoderName} codes {codec} (allowed only REEL_FILTER_DEFAULT)");
        if (s.Restoration != FilterSwitch.Default)
            return CodecErrors.Unsupported($"{prefix}restoration is {s.Restoration}; loop restoration is an AV1 filter, {encoderName} codes {codec} (allowed only REEL_FILTER_DEFAULT)");
        if (s.Color != ColorDescription.Unspecified)
            return CodecErrors.Unsupported($"{prefix}color is {s.Color}; {encoderName} through Reel's FFmpeg shim writes no colour description (allowed only REEL_COLOR_UNSPECIFIED)");
        if (s.ProfileIdc != 0 && EncoderSettingsMapping.ProfileName(s.Codec, s.ProfileIdc) is null)
        {
            string allowed = s.Codec == Reel.Backends.VideoCodec.H264 ? "66 (baseline), 77 (main), 100 (high)" : "1 (main)";
            return CodecErrors.Unsupported($"{prefix}profile_idc is {s.ProfileIdc}; {encoderName} with 8-bit 4:2:0 input codes {codec} profiles 0 (automatic), {allowed}");
        }
        if (s.ProfileIdc == 66 && s.BFrames > 0)
            return CodecErrors.Unsupported($"{prefix}max_b_frames is {s.BFrames} with profile_idc 66 (baseline); baseline has no B-frames (allowed 0 or REEL_ENCODER_FLAG_NO_B_FRAMES)");
        if (s.LowLatency && s.BFrames > 0)
            return CodecErrors.Unsupported($"{prefix}max_b_frames is {s.BFrames} with REEL_ENCODER_FLAG_LOW_LATENCY; low latency sends no B-frames");
        if (s.MaxBitrate != 0 && s.RateControl != RateControlMode.Crf)
            return CodecErrors.InvalidArgument($"{prefix}max_bitrate is {s.MaxBitrate} with rate_control {s.RateControl}; allowed only 0 (it caps Crf)");
        return ReelResult.Success;
    }
}
