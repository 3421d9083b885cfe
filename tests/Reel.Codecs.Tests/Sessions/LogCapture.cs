using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Logging;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>A logger whose messages land in a list (tests of what sessions log).</summary>
internal static unsafe class LogCapture
{
    private static readonly List<(LogLevel Level, string Message)> s_messages = new();

    /// <summary>A logger delivering up to Info into <see cref="Messages"/>.</summary>
    public static Logger Create() => new(new LogCallback(&Receive, null), LogLevel.Info, "test");

    /// <summary>What was logged since the last <see cref="Clear"/>.</summary>
    public static List<(LogLevel Level, string Message)> Messages
    {
        get
        {
            lock (s_messages)
                return new List<(LogLevel, string)>(s_messages);
        }
    }

    /// <summary>Forgets the messages.</summary>
    public static void Clear()
    {
        lock (s_messages)
            s_messages.Clear();
    }

    [UnmanagedCallersOnly]
    private static void Receive(void* userData, LogLevel level, byte* message)
    {
        string text = Marshal.PtrToStringUTF8((nint)message) ?? "";
        lock (s_messages)
            s_messages.Add((level, text));
    }
}
