using Reel.Abi;

namespace Reel.Containers;

/// <summary>File formats the movie writer writes (<c>reel_container_t</c>). Values are pinned.</summary>
[CType("reel_container_t", MemberPrefix = "REEL_CONTAINER_")]
public enum ContainerFormat
{
    /// <summary>Chosen from the path's extension (.ivf, .mp4/.m4v, .mov, .webm, .mkv).</summary>
    Auto = 0,
    /// <summary>IVF, written by Reel itself (video only).</summary>
    Ivf = 1,
    /// <summary>MP4 (ISO BMFF), through the FFmpeg backend.</summary>
    Mp4 = 2,
    /// <summary>QuickTime MOV, through the FFmpeg backend (H.264/HEVC/AAC only in FFmpeg 5.1).</summary>
    Mov = 3,
    /// <summary>WebM, through the FFmpeg backend.</summary>
    Webm = 4,
    /// <summary>Matroska, through the FFmpeg backend.</summary>
    Matroska = 5,
}
