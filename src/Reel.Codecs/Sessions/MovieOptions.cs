using Reel.Containers;

namespace Reel.Codecs.Sessions;

/// <summary>The file side of a movie writer: container, sound track and crash-safety settings (<c>reel_movie_desc_t</c> less the video).</summary>
/// <param name="Container">The container; Auto picks it from the path's extension.</param>
/// <param name="Audio">The sound track, or null for none.</param>
/// <param name="Faststart">MP4/MOV: rewrite moov-first at a normal end.</param>
/// <param name="FlushIntervalMs">Longest stretch of recording a crash may lose (MP4 fragment / Matroska cluster), 1 to 60000 ms.</param>
/// <param name="StrictExtension">True: an unknown extension is refused (reel_movie_writer_begin_ex); false: it means IVF (reel_movie_writer_begin, as in 0.1).</param>
/// <param name="ArgumentPrefix">How messages name the desc's fields ("desc->").</param>
internal sealed record MovieOptions(ContainerFormat Container, AudioTrackSettings? Audio, bool Faststart, int FlushIntervalMs, bool StrictExtension, string ArgumentPrefix)
{
    /// <summary>Default fragment / cluster interval.</summary>
    public const int DefaultFlushIntervalMs = 1000;

    /// <summary>What reel_movie_writer_begin records: the container from the extension (IVF for any other), no sound.</summary>
    public static MovieOptions Legacy { get; } = new(ContainerFormat.Auto, null, true, DefaultFlushIntervalMs, false, "settings->");
}
