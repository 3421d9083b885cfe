using Reel.Abi;
using Reel.Errors;

namespace Reel.Codecs;

/// <summary>
/// The one place that decides which <see cref="ReelResult"/> each kind of codec or container
/// failure returns, and records its message in <see cref="LastError"/>. reel_result_t has no
/// dedicated codes yet for a call in the wrong state, corrupt input or an I/O failure; when
/// reel.h gains them, only this file changes.
/// </summary>
public static class CodecErrors
{
    /// <summary>An argument or setting is out of range or inconsistent with another.</summary>
    public static ReelResult InvalidArgument(string message) => LastError.Set(ReelResult.ErrorInvalidArgument, message);

    /// <summary>A call that the object's state does not allow (receive before submit, submit after flush).</summary>
    public static ReelResult InvalidState(string message) => LastError.Set(ReelResult.ErrorBadState, message);

    /// <summary>Input data (a file, a bitstream) is malformed or truncated.</summary>
    public static ReelResult CorruptData(string message) => LastError.Set(ReelResult.ErrorCorruptData, message);

    /// <summary>A valid request this codec, library version or format cannot serve.</summary>
    public static ReelResult Unsupported(string message) => LastError.Set(ReelResult.ErrorUnsupported, message);

    /// <summary>The codec library is missing or lacks an export; the codec is unavailable.</summary>
    public static ReelResult Unavailable(string message) => LastError.Set(ReelResult.ErrorUnsupported, message);

    /// <summary>Memory could not be obtained (by Reel or by the codec library).</summary>
    public static ReelResult OutOfMemory(string message) => LastError.Set(ReelResult.ErrorOutOfMemory, message);

    /// <summary>Opening, reading or writing a file failed in the operating system.</summary>
    public static ReelResult Io(string message) => LastError.Set(ReelResult.ErrorIo, message);

    /// <summary>The codec library reported a failure Reel cannot attribute to the caller's input.</summary>
    public static ReelResult CodecFailure(string message) => LastError.Set(ReelResult.ErrorInternal, message);
}
