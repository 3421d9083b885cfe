using System;

namespace Reel.Codecs.Frames;

/// <summary>Which kinds of <see cref="FrameRef"/> an encoder takes (or a decoder produces), as bits.</summary>
[Flags]
public enum FrameInputs
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>CPU 8-bit 4:2:0 planes.</summary>
    CpuI420 = 0x1,
    /// <summary><see cref="SurfaceKind.VulkanImage"/>.</summary>
    VulkanImage = 0x2,
    /// <summary><see cref="SurfaceKind.VaSurface"/>.</summary>
    VaSurface = 0x4,
    /// <summary><see cref="SurfaceKind.D3D11Texture"/>.</summary>
    D3D11Texture = 0x8,
    /// <summary><see cref="SurfaceKind.CvPixelBuffer"/>.</summary>
    CvPixelBuffer = 0x10,
}
