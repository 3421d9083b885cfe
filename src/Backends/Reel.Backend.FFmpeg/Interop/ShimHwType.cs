namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_hw_type_t.</summary>
internal enum ShimHwType
{
    /// <summary>VA-API on a DRM render node.</summary>
    Vaapi = 1,
    /// <summary>NVIDIA CUDA.</summary>
    Cuda = 2,
    /// <summary>Intel Quick Sync.</summary>
    Qsv = 3,
    /// <summary>FFmpeg's Vulkan device.</summary>
    Vulkan = 4,
}
