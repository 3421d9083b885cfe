using System;
using System.IO;

namespace Reel.Containers;

/// <summary>Names and extensions of <see cref="ContainerFormat"/> values.</summary>
public static class ContainerFormats
{
    /// <summary>The extensions Reel knows, as a message lists them.</summary>
    public const string KnownExtensions = ".ivf, .mp4, .m4v, .mov, .webm, .mkv";

    /// <summary>The container <paramref name="path"/>'s extension selects (case-insensitive), or <see cref="ContainerFormat.Auto"/> for an unknown one.</summary>
    public static ContainerFormat FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ivf" => ContainerFormat.Ivf,
        ".mp4" or ".m4v" => ContainerFormat.Mp4,
        ".mov" => ContainerFormat.Mov,
        ".webm" => ContainerFormat.Webm,
        ".mkv" => ContainerFormat.Matroska,
        _ => ContainerFormat.Auto,
    };

    /// <summary>Short lower-case name ("mp4", "webm", ...); the libavformat muxer name for FFmpeg's containers.</summary>
    public static string Name(ContainerFormat format) => format switch
    {
        ContainerFormat.Ivf => "ivf",
        ContainerFormat.Mp4 => "mp4",
        ContainerFormat.Mov => "mov",
        ContainerFormat.Webm => "webm",
        ContainerFormat.Matroska => "matroska",
        _ => "auto",
    };

    /// <summary>Whether the format is one Reel knows (Auto counts).</summary>
    public static bool IsDefined(ContainerFormat format) => Enum.IsDefined(format);
}
