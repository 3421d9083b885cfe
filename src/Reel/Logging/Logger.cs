using System;
using System.Buffers;
using System.Text;
using Reel.Abi;

namespace Reel.Logging;

/// <summary>
/// Formats messages for one context and hands them to the host's log callback. Filtering
/// happens before formatting: call <see cref="IsEnabled"/> before building a costly message.
/// </summary>
public sealed unsafe class Logger
{
    /// <summary>Messages up to this many UTF-8 bytes are encoded on the stack.</summary>
    private const int StackBufferBytes = 512;

    private readonly LogCallback _callback;
    private readonly LogLevel _level;
    private readonly string _source;

    /// <summary>A logger that drops everything.</summary>
    public static readonly Logger Silent = new(default, LogLevel.Error, "reel");

    /// <summary>Creates a logger that delivers messages up to <paramref name="level"/>, prefixed with "<paramref name="source"/>: ".</summary>
    public Logger(LogCallback callback, LogLevel level, string source)
    {
        _callback = callback;
        _level = level;
        _source = source;
    }

    /// <summary>The most verbose level delivered.</summary>
    public LogLevel Level => _level;

    /// <summary>Whether a message of <paramref name="level"/> would reach the host.</summary>
    public bool IsEnabled(LogLevel level) => _callback.Function != null && level <= _level;

    /// <summary>Delivers "source: message" if the level is enabled. Call without holding a lock.</summary>
    public void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level))
            return;
        int length = Encoding.UTF8.GetMaxByteCount(_source.Length + 2 + message.Length) + 1;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackBufferBytes
            ? stackalloc byte[StackBufferBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int written = Encoding.UTF8.GetBytes(_source, buffer);
            written += Encoding.UTF8.GetBytes(": ", buffer[written..]);
            written += Encoding.UTF8.GetBytes(message, buffer[written..]);
            buffer[written] = 0;
            fixed (byte* text = buffer)
                _callback.Function(_callback.UserData, level, text);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
