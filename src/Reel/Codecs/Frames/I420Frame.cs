using Reel.Abi;
using Reel.Codecs;

namespace Reel.Codecs.Frames;

/// <summary>
/// A view of an 8-bit 4:2:0 planar picture somebody else owns: three plane pointers and their
/// strides in bytes. Chroma planes are ceil(width / 2) by ceil(height / 2) samples. Copying the
/// view copies no pixels.
/// </summary>
public readonly unsafe struct I420Frame
{
    /// <summary>Creates a view; nothing is checked until a consumer calls <see cref="Check"/>.</summary>
    public I420Frame(int width, int height, byte* y, int yStride, byte* u, int uStride, byte* v, int vStride)
    {
        Width = width;
        Height = height;
        Y = y;
        YStride = yStride;
        U = u;
        UStride = uStride;
        V = v;
        VStride = vStride;
    }

    /// <summary>Width of the luma plane in samples.</summary>
    public int Width { get; }

    /// <summary>Height of the luma plane in rows.</summary>
    public int Height { get; }

    /// <summary>First byte of the luma plane.</summary>
    public byte* Y { get; }

    /// <summary>Bytes from one luma row to the next.</summary>
    public int YStride { get; }

    /// <summary>First byte of the Cb plane.</summary>
    public byte* U { get; }

    /// <summary>Bytes from one Cb row to the next.</summary>
    public int UStride { get; }

    /// <summary>First byte of the Cr plane.</summary>
    public byte* V { get; }

    /// <summary>Bytes from one Cr row to the next.</summary>
    public int VStride { get; }

    /// <summary>Width of each chroma plane: ceil(width / 2).</summary>
    public int ChromaWidth => (Width + 1) >> 1;

    /// <summary>Height of each chroma plane: ceil(height / 2).</summary>
    public int ChromaHeight => (Height + 1) >> 1;

    /// <summary>Bytes of one tightly packed frame (no stride padding): the Y4M frame size.</summary>
    public static long PackedSize(int width, int height)
        => (long)width * height + 2L * ((width + 1) >> 1) * ((height + 1) >> 1);

    /// <summary>
    /// Checks that the view describes a usable picture of <paramref name="width"/> x
    /// <paramref name="height"/>: non-null planes and strides that cover a row. The message
    /// starts with <paramref name="caller"/> and names the offending field.
    /// </summary>
    public ReelResult Check(string caller, int width, int height)
    {
        if (Width != width || Height != height)
            return CodecErrors.InvalidArgument($"{caller}: frame is {Width}x{Height}; expected {width}x{height}");
        if (Y == null || U == null || V == null)
            return CodecErrors.InvalidArgument($"{caller}: frame plane {(Y == null ? "y" : U == null ? "u" : "v")} is NULL");
        if (YStride < Width)
            return CodecErrors.InvalidArgument($"{caller}: frame y_stride is {YStride}; allowed {Width} (the width) or more");
        if (UStride < ChromaWidth)
            return CodecErrors.InvalidArgument($"{caller}: frame u_stride is {UStride}; allowed {ChromaWidth} (ceil(width / 2)) or more");
        if (VStride < ChromaWidth)
            return CodecErrors.InvalidArgument($"{caller}: frame v_stride is {VStride}; allowed {ChromaWidth} (ceil(width / 2)) or more");
        return ReelResult.Success;
    }
}
