using System;
using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Errors;

/// <summary>
/// The thread-local "why did my last call fail" of <c>reel_last_error_message()</c>.
/// Only failures write it (errno semantics), so successful hot-path calls pay nothing. The
/// UTF-8 copy handed to C lives in a block the thread owns (<see cref="ThreadExitBlock"/>):
/// the C library frees it when the thread exits, so hosts that run many short-lived threads
/// do not pile up a 4 KiB message per thread until a garbage collection happens to run.
/// </summary>
public static unsafe class LastError
{
    /// <summary>Messages longer than this many UTF-8 bytes are cut at a character boundary.</summary>
    public const int MaxMessageBytes = 4095;

    private const nuint BufferBytes = MaxMessageBytes + 1;

    /// <summary>The result of this thread's most recent failure.</summary>
    [ThreadStatic] private static ReelResult t_result;

    /// <summary>This thread's message; null until the first failure on the thread.</summary>
    [ThreadStatic] private static string? t_text;

    /// <summary>Where the C library cannot free a block at thread exit: a block freed by a finalizer once the thread is gone.</summary>
    [ThreadStatic] private static FinalizedBlock? t_fallback;

    /// <summary>Records a failure for this thread and returns <paramref name="result"/>.</summary>
    public static ReelResult Set(ReelResult result, string message)
    {
        t_result = result;
        t_text = message;
        Encode(message, Buffer(out _));
        return result;
    }

    /// <summary>The result of the most recent failure on this thread; Success if none.</summary>
    public static ReelResult Result => t_text is null ? ReelResult.Success : t_result;

    /// <summary>The message of the most recent failure on this thread; "" if none.</summary>
    public static string Message => t_text ?? "";

    /// <summary>The message as NUL-terminated UTF-8, valid until the next failure on this thread (or its exit).</summary>
    public static byte* Utf8
    {
        get
        {
            if (t_text is not { } text)
                return StaticStrings.Empty;
            byte* buffer = Buffer(out bool fresh);
            // Fresh: the thread's block was freed by its exit cleanup and this runs after it.
            if (fresh)
                Encode(text, buffer);
            return buffer;
        }
    }

    /// <summary>This thread's buffer of <see cref="BufferBytes"/> bytes.</summary>
    private static byte* Buffer(out bool fresh)
    {
        if (ThreadExitBlock.IsAvailable)
        {
            byte* block = ThreadExitBlock.Get(BufferBytes, out fresh);
            return block != null ? block : throw new OutOfMemoryException();
        }
        fresh = t_fallback is null;
        return (t_fallback ??= new FinalizedBlock()).Pointer;
    }

    private static void Encode(string text, byte* buffer)
    {
        // FromUtf16 writes only whole characters, so a cut message is still valid UTF-8.
        System.Text.Unicode.Utf8.FromUtf16(text, new Span<byte>(buffer, MaxMessageBytes), out _, out int written);
        buffer[written] = 0;
    }

    /// <summary>A buffer freed by the finalizer after its thread (and so the [ThreadStatic] reference) is gone.</summary>
    private sealed class FinalizedBlock
    {
        public byte* Pointer { get; } = (byte*)NativeMemory.Alloc(BufferBytes);

        ~FinalizedBlock() => NativeMemory.Free(Pointer);
    }
}
