namespace Reel.Pools;

/// <summary>Where one plane lives inside a frame buffer.</summary>
/// <param name="Offset">Byte offset of the plane's first row from the buffer start.</param>
/// <param name="Stride">Bytes from one row to the next (a multiple of the stride alignment).</param>
/// <param name="RowBytes">Bytes of pixel data in a row (without alignment or padding).</param>
/// <param name="Rows">Rows of the plane, including rows added by the height alignment.</param>
public readonly record struct PlaneLayout(ulong Offset, uint Stride, uint RowBytes, uint Rows)
{
    /// <summary>Bytes the plane occupies: Stride × Rows.</summary>
    public ulong Size => (ulong)Stride * Rows;
}
