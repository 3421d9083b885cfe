namespace Reel.Containers;

/// <summary>What a stream of a media file carries.</summary>
public enum MediaStreamKind
{
    /// <summary>Subtitles, data, anything else.</summary>
    Other = 0,
    /// <summary>Pictures.</summary>
    Video = 1,
    /// <summary>Sound.</summary>
    Audio = 2,
}
