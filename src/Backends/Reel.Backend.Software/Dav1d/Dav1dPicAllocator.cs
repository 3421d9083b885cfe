using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>Mirror of dav1d 1.0's <c>Dav1dPicAllocator</c> (picture.h): 24 bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal unsafe struct Dav1dPicAllocator
{
    /// <summary>Passed to both callbacks.</summary>
    [FieldOffset(0)] public void* cookie;
    /// <summary>int (*)(Dav1dPicture*, void* cookie): fill data, stride, allocator_data; 0 or DAV1D_ERR(ENOMEM).</summary>
    [FieldOffset(8)] public delegate* unmanaged<Dav1dPicture*, void*, int> alloc_picture_callback;
    /// <summary>void (*)(Dav1dPicture*, void* cookie): any thread when frame threading is on.</summary>
    [FieldOffset(16)] public delegate* unmanaged<Dav1dPicture*, void*, void> release_picture_callback;
}
