using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;

namespace Reel.Containers;

/// <summary>
/// A media file open for reading through a container backend: its streams, and the packets
/// of its video stream with seeking through the container's own index (MP4 sample tables,
/// Matroska Cues); opening never reads the whole file. One thread at a time.
/// </summary>
public interface IMediaDemuxer : IDisposable
{
    /// <summary>The container as libavformat names it ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm").</summary>
    string FormatName { get; }

    /// <summary>Every stream of the file.</summary>
    IReadOnlyList<MediaStreamInfo> Streams { get; }

    /// <summary>The video stream packets come from, or null when the file has none.</summary>
    MediaStreamInfo? Video { get; }

    /// <summary>The codec of <see cref="Video"/> as Reel names it (null for a codec Reel has no name for).</summary>
    VideoCodec? VideoCodec { get; }

    /// <summary>Reads the next packet of the video stream; <paramref name="end"/> is true (and the result Success) after the last.</summary>
    ReelResult ReadVideo(string function, out DemuxedPacket packet, out bool end);

    /// <summary>Moves so that the next read returns the keyframe at or before frame <paramref name="frameNumber"/>, through the container's index.</summary>
    ReelResult SeekVideo(long frameNumber, string function);
}
