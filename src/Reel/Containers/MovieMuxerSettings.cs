namespace Reel.Containers;

/// <summary>What a container backend needs to start a movie file.</summary>
/// <param name="Path">The file (created or truncated at begin).</param>
/// <param name="Format">An FFmpeg container (not Auto, not IVF).</param>
/// <param name="Video">The video track.</param>
/// <param name="Audio">The sound track, or null for none.</param>
/// <param name="Faststart">MP4/MOV: rewrite moov-first at a normal end (the file is fragmented, crash-safe, while recording).</param>
/// <param name="FlushIntervalMs">Longest stretch a crash may lose (fragment / cluster interval), 0 to 60000 ms.</param>
public sealed record MovieMuxerSettings(string Path, ContainerFormat Format, VideoTrackSettings Video, AudioTrackSettings? Audio, bool Faststart, int FlushIntervalMs);
