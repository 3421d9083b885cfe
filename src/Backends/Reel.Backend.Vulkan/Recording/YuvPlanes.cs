namespace Reel.Vulkan.Recording;

/// <summary>
/// Where the converter writes a 4:2:0 picture in its buffer. Rows are padded so that every
/// shader store is a whole word: the Y stride is the width rounded up to 8 bytes and the rows
/// to an even count; I420 chroma rows are half the Y stride, NV12's interleaved CbCr rows the
/// full Y stride. The padding holds edge repeats nobody reads.
/// </summary>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Rows.</param>
/// <param name="Nv12">NV12 (one interleaved CbCr plane) instead of I420.</param>
internal readonly record struct YuvPlanes(int Width, int Height, bool Nv12)
{
    /// <summary>Bytes from one Y row to the next.</summary>
    public int YStride => (Width + 7) & ~7;

    /// <summary>Y rows in the buffer (even).</summary>
    public int YRows => (Height + 1) & ~1;

    /// <summary>Bytes from one chroma row to the next.</summary>
    public int ChromaStride => Nv12 ? YStride : YStride / 2;

    /// <summary>Chroma rows in the buffer.</summary>
    public int ChromaRows => YRows / 2;

    /// <summary>Byte offset of the Cb plane (NV12: the CbCr plane).</summary>
    public int UOffset => YStride * YRows;

    /// <summary>Byte offset of the Cr plane (I420).</summary>
    public int VOffset => UOffset + ChromaStride * ChromaRows;

    /// <summary>Bytes of the whole buffer.</summary>
    public long Size => Nv12 ? (long)UOffset + (long)ChromaStride * ChromaRows : (long)VOffset + (long)ChromaStride * ChromaRows;

    /// <summary>Workgroups of 8x8 invocations, each converting 8x2 pixels.</summary>
    public (uint X, uint Y) Groups => ((uint)((Width + 63) / 64), (uint)((Height + 15) / 16));
}
