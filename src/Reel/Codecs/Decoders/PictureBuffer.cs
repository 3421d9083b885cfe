namespace Reel.Codecs.Decoders;

/// <summary>
/// Memory an <see cref="IPictureAllocator"/> hands out for one picture: plane pointers, strides
/// in bytes (Cb and Cr share <see cref="ChromaStride"/>) and the allocator's own token, which
/// comes back unchanged in <see cref="IPictureAllocator.Release"/> and in
/// <see cref="DecodedPicture.AllocatorToken"/>.
/// </summary>
public readonly unsafe struct PictureBuffer
{
    /// <summary>Describes a buffer.</summary>
    public PictureBuffer(byte* y, byte* u, byte* v, nint lumaStride, nint chromaStride, nint token)
    {
        Y = y;
        U = u;
        V = v;
        LumaStride = lumaStride;
        ChromaStride = chromaStride;
        Token = token;
    }

    /// <summary>Luma plane, 64-byte aligned.</summary>
    public byte* Y { get; }

    /// <summary>Cb plane, 64-byte aligned; null for I400.</summary>
    public byte* U { get; }

    /// <summary>Cr plane, 64-byte aligned; null for I400.</summary>
    public byte* V { get; }

    /// <summary>Bytes per luma row: at least <see cref="PictureRequest.LumaStride"/>, a multiple of 64.</summary>
    public nint LumaStride { get; }

    /// <summary>Bytes per chroma row: at least <see cref="PictureRequest.ChromaStride"/>, a multiple of 64.</summary>
    public nint ChromaStride { get; }

    /// <summary>The allocator's handle for this buffer (a pool slot, a block pointer, ...).</summary>
    public nint Token { get; }
}
