using System;
using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Errors;

/// <summary>
/// The thread-local "why did my last call fail" of <c>reel_last_error_message()</c>.
/// Only failures write it (errno semantics), so successful hot-path calls pay nothing.
/// </summary>
public static unsafe class LastError
{
    /// <summary>Messages longer than this many UTF-8 bytes are cut at a character boundary.</summary>
    public const int MaxMessageBytes = 4095;

    /// <summary>This thread's message; null until the first failure on the thread.</summary>
    [ThreadStatic] private static ThreadMessage? t_message;

    /// <summary>Records a failure for this thread and returns <paramref name="result"/>.</summary>
    public static ReelResult Set(ReelResult result, string message)
    {
        (t_message ??= new ThreadMessage()).Store(result, message);
        return result;
    }

    /// <summary>The result of the most recent failure on this thread; Success if none.</summary>
    public static ReelResult Result => t_message?.Result ?? ReelResult.Success;

    /// <summary>The message of the most recent failure on this thread; "" if none.</summary>
    public static string Message => t_message?.Text ?? "";

    /// <summary>The message as NUL-terminated UTF-8, valid until the next failure on this thread.</summary>
    public static byte* Utf8 => t_message is { } message ? message.Pointer : StaticStrings.Empty;

    /// <summary>
    /// One thread's message in unmanaged memory, so the pointer handed to C stays put.
    /// The finalizer frees it after the thread (and so its [ThreadStatic] reference) is gone.
    /// </summary>
    private sealed class ThreadMessage
    {
        /// <summary>NUL-terminated UTF-8; always MaxMessageBytes + 1 bytes.</summary>
        private byte* _buffer = (byte*)NativeMemory.Alloc(MaxMessageBytes + 1);

        public ReelResult Result { get; private set; }

        public string Text { get; private set; } = "";

        public byte* Pointer => _buffer;

        public ThreadMessage() => _buffer[0] = 0;

        public void Store(ReelResult result, string text)
        {
            Result = result;
            Text = text;
            // FromUtf16 writes only whole characters, so a cut message is still valid UTF-8.
            System.Text.Unicode.Utf8.FromUtf16(text, new Span<byte>(_buffer, MaxMessageBytes), out _, out int written);
            _buffer[written] = 0;
        }

        ~ThreadMessage()
        {
            NativeMemory.Free(_buffer);
            _buffer = null;
        }
    }
}
