using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>Mirror of dav1d 1.0's <c>Dav1dData</c> (data.h): 72 bytes on x86_64.</summary>
[StructLayout(LayoutKind.Explicit, Size = 72)]
internal unsafe struct Dav1dData
{
    /// <summary>Next byte to decode; advances as dav1d_send_data consumes.</summary>
    [FieldOffset(0)] public byte* data;
    /// <summary>Bytes left; 0 once consumed.</summary>
    [FieldOffset(8)] public nuint sz;
    /// <summary>Allocation origin (Dav1dRef*).</summary>
    [FieldOffset(16)] public void* @ref;
    /// <summary>Metadata passed through to the output picture.</summary>
    [FieldOffset(24)] public Dav1dDataProps m;
}
