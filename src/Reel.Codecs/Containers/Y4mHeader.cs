namespace Reel.Codecs.Containers;

/// <summary>The stream header of a YUV4MPEG2 file, as far as Reel uses it (8-bit 4:2:0 only).</summary>
public readonly struct Y4mHeader
{
    /// <summary>Describes a header.</summary>
    public Y4mHeader(int width, int height, int fpsNumerator, int fpsDenominator, char interlacing,
        int aspectNumerator, int aspectDenominator, string colorspace)
    {
        Width = width;
        Height = height;
        FpsNumerator = fpsNumerator;
        FpsDenominator = fpsDenominator;
        Interlacing = interlacing;
        AspectNumerator = aspectNumerator;
        AspectDenominator = aspectDenominator;
        Colorspace = colorspace;
    }

    /// <summary>W: width in pixels.</summary>
    public int Width { get; }

    /// <summary>H: height in pixels.</summary>
    public int Height { get; }

    /// <summary>F: frame rate numerator (25 when the file has no F tag or says F0:0, like FFmpeg).</summary>
    public int FpsNumerator { get; }

    /// <summary>F: frame rate denominator.</summary>
    public int FpsDenominator { get; }

    /// <summary>I: 'p' progressive, 't' top field first, 'b' bottom field first, 'm' mixed, '?' unknown.</summary>
    public char Interlacing { get; }

    /// <summary>A: pixel aspect numerator (0 = unknown).</summary>
    public int AspectNumerator { get; }

    /// <summary>A: pixel aspect denominator (0 = unknown).</summary>
    public int AspectDenominator { get; }

    /// <summary>C: "420jpeg", "420", "420paldv" or "420mpeg2" (chroma siting; all stored alike).</summary>
    public string Colorspace { get; }
}
