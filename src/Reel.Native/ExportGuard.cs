using System;
using System.IO;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Native;

/// <summary>
/// The one mechanism every export uses to keep exceptions inside libreel. An exception that
/// escapes an [UnmanagedCallersOnly] export aborts the host process, so each export is
/// <code>
/// const string Function = "reel_x";          // the C name, written once
/// try { ... } catch (Exception e) { return ExportGuard.Fail(Function, e); }
/// </code>
/// (exports that cannot fail and return a value instead of a result use
/// <see cref="Fallback(string, Exception, uint)"/>). ExportGuardTests reads each export's IL and fails unless its
/// whole body is in such a try, its handler calls ExportGuard, and the body names the export.
/// An exception here is a defect or an unexpected environment failure: expected failures are
/// results set where the check happens. The message names the function and what went wrong in
/// words, never a .NET exception type.
/// </summary>
internal static unsafe class ExportGuard
{
    /// <summary>
    /// Maps <paramref name="exception"/> to a result and the thread's error message: out of
    /// memory is REEL_ERROR_OUT_OF_MEMORY; a file-system failure (IOException,
    /// UnauthorizedAccessException) is REEL_ERROR_IO with the runtime's text, which names the
    /// path and the OS reason ("No space left on device : '/dev/full'"); anything else is
    /// REEL_ERROR_INTERNAL.
    /// </summary>
    public static ReelResult Fail(string function, Exception exception)
    {
        ReelResult result = Classify(exception);
        try
        {
            string what = result switch
            {
                ReelResult.ErrorOutOfMemory => "out of memory",
                ReelResult.ErrorIo => "I/O error",
                _ => "internal error (please report)",
            };
            return LastError.Set(result, $"{function}: {what}: {exception.Message}");
        }
        catch
        {
            // Formatting the message failed too (most likely out of memory): the code must still get out.
            return result;
        }
    }

    /// <summary>
    /// For exports documented never to fail (reel_version, reel_result_name, ...): the value
    /// to return when the impossible happens. The thread's error message is left alone, since
    /// the function does not report failures.
    /// </summary>
    public static uint Fallback(string function, Exception exception, uint value) => Ignore(function, exception) ? value : value;

    /// <summary><see cref="Fallback(string, Exception, uint)"/> for exports that return a static string.</summary>
    public static unsafe byte* Fallback(string function, Exception exception, byte* value) => Ignore(function, exception) ? value : value;

    /// <summary>
    /// Nothing is recorded for a function that reports no failures; both arguments stay in the
    /// signature so that the handler reads like every other export's.
    /// </summary>
    private static bool Ignore(string function, Exception exception) => function.Length > 0 || exception is not null;

    /// <summary>The result an exception maps to.</summary>
    public static ReelResult Classify(Exception exception) => exception switch
    {
        OutOfMemoryException or InsufficientMemoryException => ReelResult.ErrorOutOfMemory,
        IOException or UnauthorizedAccessException => ReelResult.ErrorIo,
        _ => ReelResult.ErrorInternal,
    };
}
