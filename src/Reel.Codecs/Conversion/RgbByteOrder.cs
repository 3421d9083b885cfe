namespace Reel.Codecs.Conversion;

/// <summary>Byte order of a 32-bit pixel in memory; the fourth byte (alpha or padding) is ignored.</summary>
public enum RgbByteOrder
{
    /// <summary>R, G, B, A (Godot's FORMAT_RGBA8, VK_FORMAT_R8G8B8A8_*).</summary>
    Rgba = 0,
    /// <summary>B, G, R, A (VK_FORMAT_B8G8R8A8_*, most swapchains, Windows DIBs).</summary>
    Bgra = 1,
}
