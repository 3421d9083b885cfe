using System;
using Reel.Abi;
using Reel.Containers;

namespace Reel.Codecs.Seeking;

/// <summary>
/// The packets of one video stream with random access, for <see cref="SeekingDecoder"/>: how
/// many frames there are, which frames decoding can start from, and a move to one of them.
/// IVF answers from Reel's own index (<see cref="IvfPacketSource"/>, one read of the file at
/// open: IVF has no index of its own); MP4/MOV/WebM/Matroska answer from the container's index
/// through the container backend (<see cref="DemuxerPacketSource"/>, never a full read).
/// Frames are numbered in file order from 0. One thread at a time.
/// </summary>
internal interface ISeekablePacketSource : IDisposable
{
    /// <summary>Frames in the stream.</summary>
    int FrameCount { get; }

    /// <summary>The last frame at or before <paramref name="frame"/> decoding can start from; -1 if none.</summary>
    int RandomAccessPointAtOrBefore(int frame);

    /// <summary>Moves so that the next <see cref="Read"/> returns frame <paramref name="randomAccessPoint"/> (a value of <see cref="RandomAccessPointAtOrBefore"/>).</summary>
    ReelResult SeekTo(int randomAccessPoint, string function);

    /// <summary>
    /// Reads the next packet; its <see cref="DemuxedPacket.FrameNumber"/> is the frame's number.
    /// NotReady after the last packet; an error names the file. The bytes stay valid until the
    /// next read, seek or Dispose.
    /// </summary>
    ReelResult Read(string function, out DemuxedPacket packet);
}
