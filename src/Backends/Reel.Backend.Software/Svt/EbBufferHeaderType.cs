using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// Mirror of SVT-AV1's <c>EbBufferHeaderType</c> (EbSvtAv1.h), 136 bytes on x86_64; the layout
/// is unchanged from 1.0 to 2.3. Native field names are kept. Offsets are checked against the
/// installed header by a test that compiles a C program.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 136)]
internal unsafe struct EbBufferHeaderType
{
    /// <summary>sizeof(EbBufferHeaderType).</summary>
    [FieldOffset(0)] public uint size;
    /// <summary>Input: an EbSvtIOFormat*. Output: the bitstream bytes.</summary>
    [FieldOffset(8)] public byte* p_buffer;
    /// <summary>Bytes used in p_buffer.</summary>
    [FieldOffset(16)] public uint n_filled_len;
    /// <summary>Bytes allocated in p_buffer.</summary>
    [FieldOffset(20)] public uint n_alloc_len;
    /// <summary>Not user data: the library walks it as an EbPrivDataNode list, so it stays NULL.</summary>
    [FieldOffset(24)] public void* p_app_private;
    /// <summary>Library-owned.</summary>
    [FieldOffset(32)] public void* wrapper_ptr;
    /// <summary>Unused by the encoder.</summary>
    [FieldOffset(40)] public uint n_tick_count;
    /// <summary>Decode timestamp of an output packet.</summary>
    [FieldOffset(48)] public long dts;
    /// <summary>Presentation timestamp.</summary>
    [FieldOffset(56)] public long pts;
    /// <summary>QP of an output packet.</summary>
    [FieldOffset(64)] public uint qp;
    /// <summary>EbAv1PictureType (4-byte enum): KEY forces a keyframe on input, INVALID lets the encoder choose.</summary>
    [FieldOffset(68)] public int pic_type;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(72)] public ulong luma_sse;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(80)] public ulong cr_sse;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(88)] public ulong cb_sse;
    /// <summary>EB_BUFFERFLAG_* bits.</summary>
    [FieldOffset(96)] public uint flags;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(104)] public double luma_ssim;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(112)] public double cr_ssim;
    /// <summary>Reconstruction statistics (unused).</summary>
    [FieldOffset(120)] public double cb_ssim;
    /// <summary>SvtMetadataArray*; NULL.</summary>
    [FieldOffset(128)] public void* metadata;
}
