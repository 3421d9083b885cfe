using System;

namespace Reel.Codecs.Containers;

/// <summary>One frame read from an IVF file; the bytes belong to the reader and stay valid until its next read or Dispose.</summary>
public readonly unsafe struct IvfFrame
{
    /// <summary>Describes a frame.</summary>
    public IvfFrame(byte* data, int size, long pts, long index, long offset)
    {
        Data = data;
        Size = size;
        Pts = pts;
        Index = index;
        Offset = offset;
    }

    /// <summary>First byte of the frame.</summary>
    public byte* Data { get; }

    /// <summary>Bytes in the frame.</summary>
    public int Size { get; }

    /// <summary>Presentation time in timebase units.</summary>
    public long Pts { get; }

    /// <summary>0-based index of the frame in the file.</summary>
    public long Index { get; }

    /// <summary>Byte offset of the frame's 12-byte header in the file.</summary>
    public long Offset { get; }

    /// <summary>The bytes as a span (same lifetime as the frame).</summary>
    public ReadOnlySpan<byte> Span => new(Data, Size);
}
