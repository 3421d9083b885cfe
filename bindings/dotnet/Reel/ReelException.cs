using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A Reel call failed. <see cref="Result"/> is the <c>reel_result_t</c> it returned and the
/// message is Reel's own explanation, read with
/// <c>reel_last_error_message()</c> on the thread that made the call: it names the function,
/// the argument (with its C name, e.g. <c>desc-&gt;width</c>) and the limit it broke.
/// </summary>
public class ReelException : Exception
{
    /// <summary>Creates the exception of a failed call.</summary>
    /// <param name="result">What the call returned.</param>
    /// <param name="reelMessage">Reel's message for it (may be empty).</param>
    public ReelException(reel_result_t result, string reelMessage)
        : base(reelMessage.Length > 0 ? $"{Results.Name(result)}: {reelMessage}" : Results.Name(result))
    {
        Result = result;
        ReelMessage = reelMessage;
    }

    /// <summary>
    /// The result code the call returned, e.g. <c>REEL_ERROR_INVALID_ARGUMENT</c>: an error
    /// (negative), or <c>REEL_TIMEOUT</c> for a <see cref="ReelTimeoutException"/>.
    /// </summary>
    public reel_result_t Result { get; }

    /// <summary>Reel's message alone, without the result's name.</summary>
    public string ReelMessage { get; }
}
