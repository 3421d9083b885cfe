using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>Mirror of dav1d 1.0's <c>Dav1dDataProps</c> (common.h): 48 bytes on x86_64.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct Dav1dDataProps
{
    /// <summary>Container timestamp; INT64_MIN if unknown. Copied from the input data to the picture.</summary>
    [FieldOffset(0)] public long timestamp;
    /// <summary>Container duration; 0 if unknown.</summary>
    [FieldOffset(8)] public long duration;
    /// <summary>Stream offset; -1 if unknown.</summary>
    [FieldOffset(16)] public long offset;
    /// <summary>Packet size.</summary>
    [FieldOffset(24)] public nuint size;
    /// <summary>Dav1dUserData.data.</summary>
    [FieldOffset(32)] public byte* user_data_data;
    /// <summary>Dav1dUserData.ref.</summary>
    [FieldOffset(40)] public void* user_data_ref;
}
