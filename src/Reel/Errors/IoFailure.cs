using System;
using System.IO;
using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Errors;

/// <summary>
/// Turns what .NET's file APIs throw into REEL_ERROR_IO with a message that names the path
/// and gives the operating system's own reason (strerror: "No space left on device", "File
/// too large", "Is a directory", "Permission denied"), never an exception type. .NET reports
/// most errno values as an IOException whose HResult is the errno, but a few as other types:
/// EFBIG (a write past RLIMIT_FSIZE or the file system's limit) as ArgumentOutOfRangeException,
/// EACCES/EPERM as UnauthorizedAccessException (also when a directory is opened as a file),
/// ENOENT as FileNotFound/DirectoryNotFound, ENAMETOOLONG as PathTooLong.
/// </summary>
public static class IoFailure
{
    // Linux errno values (asm-generic/errno-base.h, errno.h) of the failures .NET reports as
    // exception types instead of an errno; the reason text comes from the OS itself.
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int EISDIR = 21;
    private const int EFBIG = 27;
    private const int ENAMETOOLONG = 36;

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by a file operation, is an I/O failure; a
    /// catch filter for a try block that holds file calls only (an ArgumentOutOfRangeException
    /// there is the kernel's EFBIG, a NotSupportedException a stream that cannot seek).
    /// </summary>
    public static bool IsIo(Exception exception)
        => exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or NotSupportedException;

    /// <summary>"<paramref name="path"/>: reason".</summary>
    public static string Describe(string path, Exception exception) => $"{path}: {Reason(path, exception)}";

    /// <summary>
    /// Records REEL_ERROR_IO with "<paramref name="what"/> <paramref name="path"/>: reason"
    /// (<paramref name="what"/> says what failed, e.g. "reel_ivf_writer_create: cannot create").
    /// </summary>
    public static ReelResult Set(string what, string path, Exception exception)
        => LastError.Set(ReelResult.ErrorIo, $"{what} {Describe(path, exception)}");

    /// <summary>The OS's reason for <paramref name="exception"/> on <paramref name="path"/> (null when the path is unknown).</summary>
    public static string Reason(string? path, Exception exception)
    {
        int errno = Errno(exception);
        // .NET opens a directory and then refuses it as EACCES; the OS's word for it is EISDIR.
        if (exception is UnauthorizedAccessException && path is not null && Directory.Exists(path))
            errno = EISDIR;
        return errno > 0 ? Marshal.GetPInvokeErrorMessage(errno) : exception.Message;
    }

    private static int Errno(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => ENOENT,
        PathTooLongException => ENAMETOOLONG,
        ArgumentOutOfRangeException => EFBIG,
        UnauthorizedAccessException denied => denied.InnerException is IOException inner && IsErrno(inner.HResult) ? inner.HResult : EACCES,
        IOException io when IsErrno(io.HResult) => io.HResult,
        _ => 0,
    };

    /// <summary>On Unix .NET stores the raw errno in the HResult of the IOExceptions it makes from a failed call.</summary>
    private static bool IsErrno(int value) => value is > 0 and < 4096;
}
