using Reel.Interop;

namespace Reel;

/// <summary>The <c>reel_media_info_t</c> a writer is created from.</summary>
internal static unsafe class MediaInfo
{
    /// <summary>A media description of <paramref name="width"/> x <paramref name="height"/> at fpsNum / fpsDen frames per second.</summary>
    public static reel_media_info_t Of(uint width, uint height, uint fpsNum, uint fpsDen)
    {
        reel_media_info_t info = default;
        info.struct_size = (uint)sizeof(reel_media_info_t);
        info.width = width;
        info.height = height;
        info.fps_num = fpsNum;
        info.fps_den = fpsDen;
        return info;
    }

    /// <summary>An empty description with struct_size set, for get_info.</summary>
    public static reel_media_info_t Empty() => Of(0, 0, 0, 0);
}
