using System;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Native;

/// <summary>
/// The one place that turns an exception into a result code. An exception that escapes an
/// [UnmanagedCallersOnly] export aborts the host process, so every export body is
/// <c>try { ... } catch (Exception e) { return ExportGuard.Fail(name, e); }</c>
/// (a test checks each export's IL for that catch).
/// </summary>
internal static class ExportGuard
{
    /// <summary>Maps <paramref name="exception"/> to a result and the thread's error message.</summary>
    public static ReelResult Fail(string function, Exception exception)
    {
        ReelResult result = exception is OutOfMemoryException or InsufficientMemoryException
            ? ReelResult.ErrorOutOfMemory
            : ReelResult.ErrorInternal;
        try
        {
            string what = result == ReelResult.ErrorOutOfMemory ? "out of memory" : "internal error (please report)";
            return LastError.Set(result, $"{function}: {what}: {exception.GetType().FullName}: {exception.Message}");
        }
        catch
        {
            // Formatting the message failed too (most likely out of memory): the code must still get out.
            return result;
        }
    }
}
