namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_pixel_format_t: decoded frames and encoder input.</summary>
internal enum ShimPixelFormat
{
    /// <summary>Anything else.</summary>
    Other = 0,
    /// <summary>yuv420p.</summary>
    I420 = 1,
    /// <summary>Y plane and interleaved UV.</summary>
    Nv12 = 2,
    /// <summary>yuv420p10le.</summary>
    I010 = 3,
    /// <summary>p010le.</summary>
    P010 = 4,
    /// <summary>yuv422p.</summary>
    I422 = 5,
    /// <summary>yuv444p.</summary>
    I444 = 6,
    /// <summary>One 8-bit plane.</summary>
    Gray8 = 7,
}
