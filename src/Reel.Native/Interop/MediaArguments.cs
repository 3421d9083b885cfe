using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Sessions;
using Reel.Errors;

namespace Reel.Native.Interop;

/// <summary>Arguments of the file functions: paths and <c>reel_media_info_t</c>.</summary>
internal static unsafe class MediaArguments
{
    /// <summary>Longest path in UTF-8 bytes.</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>Reads a non-NULL, non-empty UTF-8 path of at most <see cref="MaxPathBytes"/> bytes.</summary>
    public static ReelResult Path(byte* text, string function, string argument, out string path)
    {
        path = "";
        ReelResult result = Arguments.NotNull(text, function, argument);
        if (result != ReelResult.Success || (result = Utf8Argument.Read(text, MaxPathBytes, function, argument, out path)) != ReelResult.Success)
            return result;
        return MediaFile.CheckPath(path, function, argument);
    }

    /// <summary>Reads the info a writer is created with: width and height 1..65535, frame rate parts 1 or more.</summary>
    public static ReelResult Info(reel_media_info_t* info, string function, out MediaInfo value)
    {
        value = default;
        ReelResult result = Arguments.NotNull(info, function, "info");
        if (result != ReelResult.Success || (result = VersionedStruct.Read(info, function, "info", out reel_media_info_t d)) != ReelResult.Success)
            return result;
        if (d.width is 0 or > ushort.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: info->width is {d.width}; allowed 1 to {ushort.MaxValue}");
        if (d.height is 0 or > ushort.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: info->height is {d.height}; allowed 1 to {ushort.MaxValue}");
        if (d.fps_num is 0 or > int.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: info->fps_num is {d.fps_num}; allowed 1 to {int.MaxValue}");
        if (d.fps_den is 0 or > int.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: info->fps_den is {d.fps_den}; allowed 1 to {int.MaxValue}");
        if ((result = Arguments.Reserved(d.reserved, function, "info->reserved")) != ReelResult.Success)
            return result;
        value = new MediaInfo((int)d.width, (int)d.height, (int)d.fps_num, (int)d.fps_den, 0);
        return ReelResult.Success;
    }

    /// <summary>Writes <paramref name="info"/> into the caller's struct.</summary>
    public static ReelResult Write(reel_media_info_t* destination, in MediaInfo info, string function)
    {
        var d = new reel_media_info_t
        {
            width = (uint)info.Width,
            height = (uint)info.Height,
            fps_num = (uint)info.FpsNumerator,
            fps_den = (uint)info.FpsDenominator,
            frame_count = (ulong)info.FrameCount,
        };
        return VersionedStruct.Write(destination, in d, function, "out_info");
    }
}
