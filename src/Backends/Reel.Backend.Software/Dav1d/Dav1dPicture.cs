using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// Mirror of dav1d 1.0's <c>Dav1dPicture</c> (picture.h): 264 bytes on x86_64. Only the fields
/// Reel reads or an allocator fills are named; the rest are reference-counting pointers owned
/// by dav1d. dav1d 1.2 carved n_itut_t35 out of reserved[4] without moving anything named here.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 264)]
internal unsafe struct Dav1dPicture
{
    /// <summary>Dav1dSequenceHeader*.</summary>
    [FieldOffset(0)] public byte* seq_hdr;
    /// <summary>Dav1dFrameHeader*.</summary>
    [FieldOffset(8)] public byte* frame_hdr;
    /// <summary>data[0]: luma plane.</summary>
    [FieldOffset(16)] public byte* data0;
    /// <summary>data[1]: Cb plane (NULL for I400).</summary>
    [FieldOffset(24)] public byte* data1;
    /// <summary>data[2]: Cr plane (NULL for I400).</summary>
    [FieldOffset(32)] public byte* data2;
    /// <summary>stride[0]: luma bytes per row.</summary>
    [FieldOffset(40)] public nint stride0;
    /// <summary>stride[1]: chroma bytes per row (shared by Cb and Cr).</summary>
    [FieldOffset(48)] public nint stride1;
    /// <summary>Picture parameters.</summary>
    [FieldOffset(56)] public Dav1dPictureParameters p;
    /// <summary>Metadata copied from the input data.</summary>
    [FieldOffset(72)] public Dav1dDataProps m;
    /// <summary>Dav1dRef* of the frame data: non-NULL while the picture holds a reference.</summary>
    [FieldOffset(248)] public void* @ref;
    /// <summary>The allocator's own pointer, passed back to the release callback.</summary>
    [FieldOffset(256)] public void* allocator_data;
}
