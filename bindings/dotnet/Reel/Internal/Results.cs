using System.Runtime.InteropServices;
using Reel.Interop;

namespace Reel;

/// <summary>Turns the <c>reel_result_t</c> of a call into an exception or a status.</summary>
internal static unsafe class Results
{
    /// <summary>
    /// Returns <paramref name="result"/> when it is a success or a status (0 or positive);
    /// throws <see cref="ReelException"/> with the calling thread's message otherwise. Call it
    /// right after the Reel call, on the same thread, before any other Reel call.
    /// </summary>
    public static reel_result_t Check(reel_result_t result)
    {
        if ((int)result < 0)
            throw Failure(result);
        return result;
    }

    /// <summary>The exception of a failed call, with the message Reel left on this thread.</summary>
    public static ReelException Failure(reel_result_t result) =>
        new(result, Marshal.PtrToStringUTF8((nint)ReelNative.reel_last_error_message()) ?? "");

    /// <summary>The enumerator's name of a result, e.g. "REEL_ERROR_INVALID_HANDLE".</summary>
    public static string Name(reel_result_t result) =>
        Marshal.PtrToStringUTF8((nint)ReelNative.reel_result_name(result)) ?? "REEL_RESULT_UNKNOWN";
}
