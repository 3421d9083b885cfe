using System;
using Reel.Abi;

namespace Reel.Codecs.Encoders;

/// <summary>
/// The encoder settings a codec backend honours (<c>reel_encoder_setting_t</c>, reported in
/// reel_codec_caps_t.encode_settings). A desc that sets one the backend lacks is refused
/// naming the field. Pinned.
/// </summary>
[Flags]
[CType("reel_encoder_setting_t", MemberPrefix = "REEL_ENCODER_SETTING_")]
public enum EncoderSettingFlags
{
    /// <summary>bitrate (VBR, CBR).</summary>
    Bitrate = 0x1,
    /// <summary>max_bitrate (capped CRF).</summary>
    MaxBitrate = 0x2,
    /// <summary>buffer_size (CBR).</summary>
    BufferSize = 0x4,
    /// <summary>keyframe_interval.</summary>
    KeyframeInterval = 0x8,
    /// <summary>preset and speed_preset.</summary>
    Preset = 0x10,
    /// <summary>threads.</summary>
    Threads = 0x20,
    /// <summary>level.</summary>
    Level = 0x40,
    /// <summary>profile (AV1).</summary>
    Av1Profile = 0x80,
    /// <summary>profile_idc (H.264 / HEVC).</summary>
    ProfileIdc = 0x100,
    /// <summary>max_b_frames and REEL_ENCODER_FLAG_NO_B_FRAMES.</summary>
    BFrames = 0x200,
    /// <summary>REEL_ENCODER_FLAG_LOW_LATENCY.</summary>
    LowLatency = 0x400,
    /// <summary>tile_rows_log2, tile_columns_log2.</summary>
    Tiles = 0x800,
    /// <summary>cdef, restoration.</summary>
    Av1Filters = 0x1000,
    /// <summary>color.</summary>
    Color = 0x2000,
    /// <summary>The bitrate changes on a live codec (the encoder pool reconfigures an idle encoder).</summary>
    LiveBitrate = 0x4000,
    /// <summary>mini_gop_size.</summary>
    MiniGopSize = 0x8000,
    /// <summary>lookahead.</summary>
    Lookahead = 0x10000,
    /// <summary>prediction.</summary>
    Prediction = 0x20000,

}
