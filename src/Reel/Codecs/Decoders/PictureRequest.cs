namespace Reel.Codecs.Decoders;

/// <summary>
/// What the decoder needs for one picture, with dav1d's rules already applied: every plane
/// 64-byte aligned (DAV1D_PICTURE_ALIGNMENT), sized for the width and height rounded up to
/// multiples of 128, 16-bit samples above 8 bits, and 64 bytes of padding after the last plane
/// because SIMD code reads past the end. One block of <see cref="TotalSize"/> bytes, 64-byte
/// aligned, carved with <see cref="Carve"/>, satisfies everything.
/// </summary>
public readonly unsafe struct PictureRequest
{
    /// <summary>Alignment of planes and strides.</summary>
    public const int Alignment = 64;

    /// <summary>Bytes readable past the end of the last plane.</summary>
    public const int Padding = 64;

    /// <summary>Samples the width and rows the height of every plane are rounded up to (dav1d decodes whole 128x128 superblocks).</summary>
    public const int SizeAlignment = 128;

    /// <summary>Computes the layout for a <paramref name="width"/> x <paramref name="height"/> picture.</summary>
    public PictureRequest(int width, int height, PixelLayout layout, int bitDepth)
    {
        Width = width;
        Height = height;
        Layout = layout;
        BitDepth = bitDepth;
        int bytesShift = bitDepth > 8 ? 1 : 0;
        int alignedWidth = (width + SizeAlignment - 1) & ~(SizeAlignment - 1);
        AlignedHeight = (height + SizeAlignment - 1) & ~(SizeAlignment - 1);
        bool hasChroma = layout != PixelLayout.I400;
        int horizontalShift = layout == PixelLayout.I444 ? 0 : 1;
        int verticalShift = layout == PixelLayout.I420 ? 1 : 0;
        LumaStride = (nint)alignedWidth << bytesShift;
        ChromaStride = hasChroma ? (nint)(alignedWidth >> horizontalShift) << bytesShift : 0;
        ChromaRows = hasChroma ? AlignedHeight >> verticalShift : 0;
        LumaPlaneSize = (nuint)LumaStride * (nuint)AlignedHeight;
        ChromaPlaneSize = (nuint)ChromaStride * (nuint)ChromaRows;
    }

    /// <summary>Visible width in pixels.</summary>
    public int Width { get; }

    /// <summary>Visible height in pixels.</summary>
    public int Height { get; }

    /// <summary>Chroma layout.</summary>
    public PixelLayout Layout { get; }

    /// <summary>Bits per sample (8, 10 or 12); above 8 each sample takes two bytes.</summary>
    public int BitDepth { get; }

    /// <summary>Rows each luma plane must hold (height rounded up to 128).</summary>
    public int AlignedHeight { get; }

    /// <summary>Rows each chroma plane must hold (0 for I400).</summary>
    public int ChromaRows { get; }

    /// <summary>Smallest luma stride in bytes.</summary>
    public nint LumaStride { get; }

    /// <summary>Smallest chroma stride in bytes (0 for I400).</summary>
    public nint ChromaStride { get; }

    /// <summary>Bytes of the luma plane at <see cref="LumaStride"/>.</summary>
    public nuint LumaPlaneSize { get; }

    /// <summary>Bytes of each chroma plane at <see cref="ChromaStride"/>.</summary>
    public nuint ChromaPlaneSize { get; }

    /// <summary>Bytes of one block holding all planes plus <see cref="Padding"/>.</summary>
    public nuint TotalSize => LumaPlaneSize + 2 * ChromaPlaneSize + Padding;

    /// <summary>
    /// Lays the planes out in <paramref name="block"/> (64-byte aligned, at least
    /// <see cref="TotalSize"/> bytes) at the smallest strides.
    /// </summary>
    public PictureBuffer Carve(byte* block, nint token)
    {
        bool hasChroma = Layout != PixelLayout.I400;
        return new PictureBuffer(
            block,
            hasChroma ? block + LumaPlaneSize : null,
            hasChroma ? block + LumaPlaneSize + ChromaPlaneSize : null,
            LumaStride,
            ChromaStride,
            token);
    }
}
