using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Checks shared by the exports: handles that must resolve, pointers that must not be NULL, names.</summary>
internal static unsafe class Arguments
{
    /// <summary>Longest object name in UTF-8 bytes (documented in reel.h).</summary>
    public const int MaxNameBytes = 63;

    /// <summary>Resolves a context handle passed as <c>context</c>.</summary>
    public static ReelResult Context(ulong raw, string function, out ReelContext? context)
    {
        var handle = new Handle(raw);
        HandleError error = ReelContext.TryResolve(handle, out context);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Context, "context"));
    }

    /// <summary>Resolves a pool handle passed as <c>pool</c>.</summary>
    public static ReelResult Pool(ulong raw, string function, out Pool? pool)
    {
        var handle = new Handle(raw);
        HandleError error = PoolRegistry.TryResolve(handle, out pool);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Pool, "pool"));
    }

    /// <summary>Success unless <paramref name="pointer"/> is NULL.</summary>
    public static ReelResult NotNull(void* pointer, string function, string argument) =>
        pointer != null ? ReelResult.Success : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is NULL");

    /// <summary>Reads an optional name (NULL gives null) of at most <see cref="MaxNameBytes"/> bytes.</summary>
    public static ReelResult Name(byte* text, string function, string argument, out string? name)
    {
        name = null;
        if (text == null)
            return ReelResult.Success;
        ReelResult result = Utf8Argument.Read(text, MaxNameBytes, function, argument, out string value);
        name = value;
        return result;
    }

    /// <summary>Success when a field documented "must be 0" is 0.</summary>
    public static ReelResult Reserved(uint value, string function, string field) =>
        value == 0 ? ReelResult.Success : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field} is {value}; it must be 0");

    /// <summary>
    /// Reads a reel_video_codec_t field: DEFAULT (0) is AV1; an unknown value is
    /// REEL_ERROR_INVALID_ARGUMENT naming <paramref name="field"/> and the codecs.
    /// </summary>
    public static bool Codec(Reel.Backends.VideoCodec value, string function, string field, out Reel.Backends.VideoCodec codec, out ReelResult result)
    {
        codec = value == Reel.Backends.VideoCodec.Default ? Reel.Backends.VideoCodec.Av1 : value;
        result = ReelResult.Success;
        if (value is >= Reel.Backends.VideoCodec.Default and <= Reel.Backends.VideoCodec.Vp9)
            return true;
        result = LastError.Set(ReelResult.ErrorInvalidArgument,
            $"{function}: {field} is {(int)value}; allowed REEL_VIDEO_CODEC_DEFAULT (0, AV1), REEL_VIDEO_CODEC_AV1 (1), REEL_VIDEO_CODEC_H264 (2), REEL_VIDEO_CODEC_HEVC (3), REEL_VIDEO_CODEC_VP9 (4)");
        return false;
    }
}
