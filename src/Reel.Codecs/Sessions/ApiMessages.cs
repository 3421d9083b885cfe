using Reel.Abi;
using Reel.Errors;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Re-labels a failure of an engine class for the C function the host called: the classes
/// below the sessions start their messages with "Class.Method: " (e.g. "IvfReader.ReadFrame:
/// x.ivf: frame 3 ... is truncated"); the host should read "reel_ivf_reader_read: x.ivf: ...".
/// </summary>
internal static class ApiMessages
{
    /// <summary>Rewrites the thread's last error to start with <paramref name="function"/> and returns <paramref name="result"/> (non-errors pass through untouched).</summary>
    public static ReelResult For(ReelResult result, string function)
    {
        if (result >= 0)
            return result;
        string message = LastError.Message;
        int colon = message.IndexOf(": ", System.StringComparison.Ordinal);
        if (colon > 0)
        {
            string head = message[..colon];
            if (head == function)
                return result;
            // Drop an engine "Class.Method" label; keep anything that reads as text.
            if (head.Length > 0 && char.IsAsciiLetterUpper(head[0]) && head.IndexOf(' ') < 0 && head.IndexOf('/') < 0 && head.IndexOf('.') > 0)
                message = message[(colon + 2)..];
        }
        return LastError.Set(result, $"{function}: {message}");
    }
}
