using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Pixels in the host's memory (<c>reel_image_t</c>): RGBA8/BGRA8 in plane 0 (a negative
/// stride for bottom-up images, with plane 0 pointing at the top row), or I420 in planes 0-2.
/// </summary>
internal readonly unsafe struct RawImage
{
    /// <summary>Describes an image.</summary>
    public RawImage(PixelFormat format, int width, int height, byte* plane0, int stride0, byte* plane1, int stride1, byte* plane2, int stride2)
    {
        Format = format;
        Width = width;
        Height = height;
        Plane0 = plane0;
        Stride0 = stride0;
        Plane1 = plane1;
        Stride1 = stride1;
        Plane2 = plane2;
        Stride2 = stride2;
    }

    /// <summary>Pixel format.</summary>
    public PixelFormat Format { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGBA/BGRA pixels or the Y plane.</summary>
    public byte* Plane0 { get; }

    /// <summary>Bytes from one row of plane 0 to the next (negative: bottom-up).</summary>
    public int Stride0 { get; }

    /// <summary>U plane (I420).</summary>
    public byte* Plane1 { get; }

    /// <summary>Bytes per U row.</summary>
    public int Stride1 { get; }

    /// <summary>V plane (I420).</summary>
    public byte* Plane2 { get; }

    /// <summary>Bytes per V row.</summary>
    public int Stride2 { get; }
}
