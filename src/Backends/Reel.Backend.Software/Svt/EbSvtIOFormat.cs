using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// Mirror of SVT-AV1's <c>EbSvtIOFormat</c> as of 1.0 to 1.4.x: 88 bytes on x86_64. In 1.5.0
/// the *_ext fields were removed (64 bytes), one reason versions other than the tested one are
/// refused. Strides are in samples, not bytes.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal unsafe struct EbSvtIOFormat
{
    /// <summary>Luma plane.</summary>
    [FieldOffset(0)] public byte* luma;
    /// <summary>Cb plane.</summary>
    [FieldOffset(8)] public byte* cb;
    /// <summary>Cr plane.</summary>
    [FieldOffset(16)] public byte* cr;
    /// <summary>Packed 10-bit extension planes (unused for 8-bit).</summary>
    [FieldOffset(24)] public byte* luma_ext;
    /// <summary>Packed 10-bit extension planes (unused for 8-bit).</summary>
    [FieldOffset(32)] public byte* cb_ext;
    /// <summary>Packed 10-bit extension planes (unused for 8-bit).</summary>
    [FieldOffset(40)] public byte* cr_ext;
    /// <summary>Luma stride in samples.</summary>
    [FieldOffset(48)] public uint y_stride;
    /// <summary>Cr stride in samples.</summary>
    [FieldOffset(52)] public uint cr_stride;
    /// <summary>Cb stride in samples.</summary>
    [FieldOffset(56)] public uint cb_stride;
    /// <summary>Picture width (informative on input).</summary>
    [FieldOffset(60)] public uint width;
    /// <summary>Picture height (informative on input).</summary>
    [FieldOffset(64)] public uint height;
    /// <summary>Crop origin (unused).</summary>
    [FieldOffset(68)] public uint origin_x;
    /// <summary>Crop origin (unused).</summary>
    [FieldOffset(72)] public uint origin_y;
    /// <summary>EbColorFormat (informative on input).</summary>
    [FieldOffset(76)] public int color_fmt;
    /// <summary>EbBitDepth (informative on input).</summary>
    [FieldOffset(80)] public int bit_depth;
}
