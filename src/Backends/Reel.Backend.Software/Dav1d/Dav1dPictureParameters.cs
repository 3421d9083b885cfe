using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>Mirror of dav1d 1.0's <c>Dav1dPictureParameters</c> (picture.h): 16 bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct Dav1dPictureParameters
{
    /// <summary>Width in pixels.</summary>
    [FieldOffset(0)] public int w;
    /// <summary>Height in pixels.</summary>
    [FieldOffset(4)] public int h;
    /// <summary>enum Dav1dPixelLayout: 0 I400, 1 I420, 2 I422, 3 I444.</summary>
    [FieldOffset(8)] public int layout;
    /// <summary>Bits per component (8, 10 or 12).</summary>
    [FieldOffset(12)] public int bpc;
}
