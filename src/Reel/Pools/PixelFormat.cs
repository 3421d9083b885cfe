using Reel.Abi;

namespace Reel.Pools;

/// <summary>Pixel formats of frame pools: <c>reel_pixel_format_t</c>. Values are pinned.</summary>
[CType("reel_pixel_format_t", MemberPrefix = "REEL_PIXEL_FORMAT_")]
public enum PixelFormat
{
    /// <summary>8-bit 4:2:0: Y plane, then one interleaved UV plane.</summary>
    Nv12 = 1,
    /// <summary>8-bit 4:2:0: Y, U, V planes.</summary>
    I420 = 2,
    /// <summary>10-bit 4:2:0 in 16-bit words (data in the high bits): Y, interleaved UV.</summary>
    P010 = 3,
    /// <summary>10-bit 4:2:0 in 16-bit words (data in the low bits): Y, U, V planes.</summary>
    I010 = 4,
    /// <summary>8-bit RGBA, one plane, 4 bytes per pixel.</summary>
    Rgba8 = 5,
    /// <summary>8-bit BGRA, one plane, 4 bytes per pixel.</summary>
    Bgra8 = 6,
}
