using System;

namespace Reel.Containers;

/// <summary>A packet read from a media file; its bytes stay valid until the next read or seek of the same demuxer.</summary>
public readonly unsafe struct DemuxedPacket
{
    /// <summary>Creates a packet view.</summary>
    public DemuxedPacket(byte* data, int size, long frameNumber, bool isKeyframe)
    {
        Data = data;
        Size = size;
        FrameNumber = frameNumber;
        IsKeyframe = isKeyframe;
    }

    /// <summary>First byte.</summary>
    public byte* Data { get; }

    /// <summary>Bytes.</summary>
    public int Size { get; }

    /// <summary>The frame's number from the start of the stream (its pts at the stream's frame rate, rounded).</summary>
    public long FrameNumber { get; }

    /// <summary>Whether decoding may start here.</summary>
    public bool IsKeyframe { get; }

    /// <summary>The bytes as a span (same lifetime).</summary>
    public ReadOnlySpan<byte> Span => new(Data, Size);
}
