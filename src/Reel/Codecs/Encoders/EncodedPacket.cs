using System;

namespace Reel.Codecs.Encoders;

/// <summary>
/// One compressed temporal unit (AV1 low-overhead bitstream format, starting with a temporal
/// delimiter; keyframes carry the sequence header) as IVF, WebM and MP4 store it. The bytes
/// belong to the encoder and stay valid until its next ReceivePacket or Dispose.
/// </summary>
public readonly unsafe struct EncodedPacket
{
    /// <summary>Creates a packet view.</summary>
    public EncodedPacket(byte* data, int size, long pts, long dts, bool isKeyframe)
    {
        Data = data;
        Size = size;
        Pts = pts;
        Dts = dts;
        IsKeyframe = isKeyframe;
    }

    /// <summary>First byte of the packet.</summary>
    public byte* Data { get; }

    /// <summary>Bytes in the packet.</summary>
    public int Size { get; }

    /// <summary>Presentation time of the frame the packet shows, as given to SendFrame.</summary>
    public long Pts { get; }

    /// <summary>Decode time as reported by the encoder.</summary>
    public long Dts { get; }

    /// <summary>Whether the packet holds a key frame (decoding may start here).</summary>
    public bool IsKeyframe { get; }

    /// <summary>The bytes as a span (same lifetime as the packet).</summary>
    public ReadOnlySpan<byte> Span => new(Data, Size);
}
