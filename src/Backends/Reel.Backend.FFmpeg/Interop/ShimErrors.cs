using System;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Interop;

/// <summary>
/// Turns a failed shim call into a Reel result and message: reelff_error_kind() picks the
/// result (an I/O failure is REEL_ERROR_IO, never INTERNAL), reelff_last_error() gives the
/// text, which names the argument and limit, or the FFmpeg call, the path and the OS reason.
/// </summary>
internal static unsafe class ShimErrors
{
    /// <summary>The ReelResult a reelff_error_kind_t maps to.</summary>
    public static ReelResult ResultOf(ShimErrorKind kind) => kind switch
    {
        ShimErrorKind.None => ReelResult.Success,
        ShimErrorKind.InvalidArgument => ReelResult.ErrorInvalidArgument,
        ShimErrorKind.Unsupported => ReelResult.ErrorUnsupported,
        ShimErrorKind.Io => ReelResult.ErrorIo,
        ShimErrorKind.CorruptData => ReelResult.ErrorCorruptData,
        ShimErrorKind.OutOfMemory => ReelResult.ErrorOutOfMemory,
        ShimErrorKind.BadState or ShimErrorKind.Again or ShimErrorKind.EndOfStream => ReelResult.ErrorBadState,
        _ => ReelResult.ErrorInternal,
    };

    /// <summary>The kind of <paramref name="code"/>.</summary>
    public static ShimErrorKind KindOf(FFmpegShim shim, int code) => (ShimErrorKind)shim.Errors.ErrorKind(code);

    /// <summary>
    /// Sets the thread's last error for a failed call (<paramref name="code"/> &lt; 0) and
    /// returns its result; the message is "<paramref name="function"/>: what the shim said".
    /// An I/O failure whose message does not name <paramref name="path"/> gets it added.
    /// </summary>
    public static ReelResult Fail(FFmpegShim shim, int code, string function, string? path = null)
    {
        ShimErrorKind kind = KindOf(shim, code);
        string message = FFmpegShim.Text(shim.Errors.LastError());
        if (message.Length == 0)
            message = Describe(shim, code);
        if (kind == ShimErrorKind.Io && path is not null && !message.Contains(path, StringComparison.Ordinal))
            message = $"{path}: {message}";
        ReelResult result = ResultOf(kind);
        return LastError.Set(result == ReelResult.Success ? ReelResult.ErrorInternal : result, $"{function}: {message}");
    }

    /// <summary>av_strerror-like text of a code.</summary>
    public static string Describe(FFmpegShim shim, int code)
    {
        byte* buffer = stackalloc byte[256];
        shim.Errors.ErrorString(code, buffer, 256);
        return FFmpegShim.Text(buffer);
    }
}
