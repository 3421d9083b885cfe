namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_media_type_t.</summary>
internal enum ShimMediaType
{
    /// <summary>Anything else.</summary>
    Other = 0,
    /// <summary>Video.</summary>
    Video = 1,
    /// <summary>Audio.</summary>
    Audio = 2,
    /// <summary>Subtitles.</summary>
    Subtitle = 3,
    /// <summary>Data.</summary>
    Data = 4,
}
