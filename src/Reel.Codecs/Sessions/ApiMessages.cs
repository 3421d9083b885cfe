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
        if (message.StartsWith(function + ": ", System.StringComparison.Ordinal))
            return result;
        return LastError.Set(result, $"{function}: {WithoutLabel(message)}");
    }

    /// <summary><paramref name="message"/> without a leading engine "Class.Method: " label; text that reads as text stays.</summary>
    public static string WithoutLabel(string message)
    {
        int colon = message.IndexOf(": ", System.StringComparison.Ordinal);
        if (colon <= 0)
            return message;
        string head = message[..colon];
        bool label = char.IsAsciiLetterUpper(head[0]) && head.IndexOf(' ') < 0 && head.IndexOf('/') < 0 && head.IndexOf('.') > 0;
        return label ? message[(colon + 2)..] : message;
    }
}
