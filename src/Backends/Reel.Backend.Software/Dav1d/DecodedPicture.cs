using Reel.Backend.Software.Dav1d;
using Reel.Codecs.Decoders;
using Reel.Codecs.Frames;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// A decoded picture: a reference held on the decoder's picture, whose planes are memory from
/// the decoder's <see cref="IPictureAllocator"/> (no copy was made). Give it back with
/// <see cref="Dav1dDecoder.ReleasePicture"/> exactly once; a copy of this struct is the same
/// reference, so release one copy only. Valid after the decoder is disposed.
/// </summary>
public unsafe struct DecodedPicture
{
    /// <summary>Offset of frame_type in dav1d 1.0's Dav1dFrameHeader (x86_64; checked by a test against the header).</summary>
    internal const int FrameTypeOffset = 232;

    /// <summary>DAV1D_FRAME_TYPE_KEY.</summary>
    private const int KeyFrameType = 0;

    /// <summary>The dav1d picture reference.</summary>
    internal Dav1dPicture Native;

    /// <summary>dav1d_picture_unref of the library that produced it.</summary>
    internal delegate* unmanaged<Dav1dPicture*, void> Unref;

    /// <summary>Whether this holds a picture (false after release or for default).</summary>
    public readonly bool IsValid => Native.data0 != null && Native.@ref != null;

    /// <summary>Width in pixels.</summary>
    public readonly int Width => Native.p.w;

    /// <summary>Height in pixels.</summary>
    public readonly int Height => Native.p.h;

    /// <summary>Chroma layout.</summary>
    public readonly PixelLayout Layout => (PixelLayout)Native.p.layout;

    /// <summary>Bits per sample: 8, 10 or 12 (two bytes per sample above 8).</summary>
    public readonly int BitDepth => Native.p.bpc;

    /// <summary>Luma plane.</summary>
    public readonly byte* Y => Native.data0;

    /// <summary>Cb plane; null for I400.</summary>
    public readonly byte* U => Native.data1;

    /// <summary>Cr plane; null for I400.</summary>
    public readonly byte* V => Native.data2;

    /// <summary>Bytes per luma row.</summary>
    public readonly nint LumaStride => Native.stride0;

    /// <summary>Bytes per chroma row (Cb and Cr).</summary>
    public readonly nint ChromaStride => Native.stride1;

    /// <summary>The pts given with the data the picture was decoded from.</summary>
    public readonly long Pts => Native.m.timestamp;

    /// <summary>Whether the picture is a key frame.</summary>
    public readonly bool IsKeyframe => Native.frame_hdr != null && *(int*)(Native.frame_hdr + FrameTypeOffset) == KeyFrameType;

    /// <summary>The token the allocator returned with this picture's buffer (<see cref="PictureBuffer.Token"/>).</summary>
    public readonly nint AllocatorToken => (nint)Native.allocator_data;

    /// <summary>
    /// A view of the picture as <see cref="I420Frame"/> (no copy) when it is 8-bit 4:2:0, e.g.
    /// for <see cref="Containers.Y4mWriter"/>; false for other layouts and bit depths.
    /// </summary>
    public readonly bool TryGetI420Frame(out I420Frame frame)
    {
        if (!IsValid || Layout != PixelLayout.I420 || BitDepth != 8 || LumaStride > int.MaxValue || ChromaStride > int.MaxValue)
        {
            frame = default;
            return false;
        }
        frame = new I420Frame(Width, Height, Y, (int)LumaStride, U, (int)ChromaStride, V, (int)ChromaStride);
        return true;
    }
}
