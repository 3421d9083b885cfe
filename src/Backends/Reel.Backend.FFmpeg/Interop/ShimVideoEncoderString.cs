namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_video_encoder_string_t: string settings of a video encoder.</summary>
internal enum ShimVideoEncoderString
{
    /// <summary>Profile name.</summary>
    Profile = 1,
    /// <summary>Preset name.</summary>
    Preset = 2,
    /// <summary>Tune name.</summary>
    Tune = 3,
}
