using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// The image formats the recorder converts: 8-bit RGBA and BGRA (UNORM or SRGB) and
/// A2B10G10R10 UNORM. The view reads them in RGBA order whatever the memory order, so one
/// shader serves all; SRGB views decode on read and the shader re-encodes to code values.
/// </summary>
internal static class SourceFormat
{
    /// <summary>What the host may pass, as the C names the messages list.</summary>
    public const string Allowed =
        "VK_FORMAT_R8G8B8A8_UNORM (37), VK_FORMAT_R8G8B8A8_SRGB (43), VK_FORMAT_B8G8R8A8_UNORM (44), VK_FORMAT_B8G8R8A8_SRGB (50) or VK_FORMAT_A2B10G10R10_UNORM_PACK32 (64)";

    /// <summary>Every convertible format.</summary>
    public static readonly Format[] All =
        [Format.R8G8B8A8Unorm, Format.R8G8B8A8Srgb, Format.B8G8R8A8Unorm, Format.B8G8R8A8Srgb, Format.A2B10G10R10UnormPack32];

    /// <summary>Whether <paramref name="format"/> is one the recorder converts.</summary>
    public static bool IsConvertible(Format format) => System.Array.IndexOf(All, format) >= 0;

    /// <summary>Whether reading <paramref name="format"/> decodes sRGB (the shader re-encodes it).</summary>
    public static bool IsSrgb(Format format) => format is Format.R8G8B8A8Srgb or Format.B8G8R8A8Srgb;
}
