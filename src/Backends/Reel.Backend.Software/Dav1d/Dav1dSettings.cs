using System.Runtime.InteropServices;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// Mirror of dav1d 1.0's <c>Dav1dSettings</c> (dav1d.h): 96 bytes on x86_64, filled by
/// dav1d_default_settings first. dav1d 1.1 carved decode_frame_type out of reserved[20]; the
/// size and every field named here stay put across libdav1d.so.6.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 96)]
internal unsafe struct Dav1dSettings
{
    /// <summary>Worker threads; 0 = one per logical core.</summary>
    [FieldOffset(0)] public int n_threads;
    /// <summary>Frames in flight; 0 = ceil(sqrt(n_threads)), 1 = low latency.</summary>
    [FieldOffset(4)] public int max_frame_delay;
    /// <summary>Whether film grain is applied to output pictures.</summary>
    [FieldOffset(8)] public int apply_grain;
    /// <summary>Operating point of a scalable stream (0 to 31).</summary>
    [FieldOffset(12)] public int operating_point;
    /// <summary>Whether all spatial layers are output.</summary>
    [FieldOffset(16)] public int all_layers;
    /// <summary>Largest frame in pixels; 0 = unlimited.</summary>
    [FieldOffset(20)] public uint frame_size_limit;
    /// <summary>Picture allocator.</summary>
    [FieldOffset(24)] public Dav1dPicAllocator allocator;
    /// <summary>Dav1dLogger.cookie.</summary>
    [FieldOffset(48)] public void* logger_cookie;
    /// <summary>Dav1dLogger.callback: void (*)(void* cookie, const char* format, va_list ap); NULL silences dav1d.</summary>
    [FieldOffset(56)] public delegate* unmanaged<void*, byte*, void*, void> logger_callback;
    /// <summary>Abort on standard-compliance violations that do not affect decoding.</summary>
    [FieldOffset(64)] public int strict_std_compliance;
    /// <summary>Also output invisible frames.</summary>
    [FieldOffset(68)] public int output_invisible_frames;
    /// <summary>enum Dav1dInloopFilterType bits.</summary>
    [FieldOffset(72)] public int inloop_filters;
}
