namespace Reel.Cache;

/// <summary>Resolution classes with a sized <see cref="FrameCacheConfig"/> each (see <see cref="FrameCacheConfig.ForPreset"/>).</summary>
public enum FrameCachePreset
{
    /// <summary>Below 1280×720 (reference 854×480).</summary>
    Below720p = 0,
    /// <summary>1280×720 up to 1920×1200 (reference 1920×1080).</summary>
    Hd1080p = 1,
    /// <summary>Above 1920×1200, up to 4096×2160 and beyond (reference 3840×2160).</summary>
    Uhd4K = 2,
}
