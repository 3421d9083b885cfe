namespace Reel.Codecs.Decoders;

/// <summary>Chroma layout of a decoded picture; values equal dav1d's enum Dav1dPixelLayout.</summary>
public enum PixelLayout
{
    /// <summary>Monochrome: luma only.</summary>
    I400 = 0,
    /// <summary>4:2:0: chroma halved in both directions.</summary>
    I420 = 1,
    /// <summary>4:2:2: chroma halved horizontally.</summary>
    I422 = 2,
    /// <summary>4:4:4: full-resolution chroma.</summary>
    I444 = 3,
}
