using System;
using System.Text;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Native.Interop;

/// <summary>Reads NUL-terminated UTF-8 strings passed by the host, with a length limit.</summary>
internal static unsafe class Utf8Argument
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Copies <paramref name="text"/> (not NULL) into <paramref name="value"/>. Looks at no more
    /// than <paramref name="maxBytes"/> + 1 bytes, so an unterminated string cannot run away.
    /// </summary>
    public static ReelResult Read(byte* text, int maxBytes, string function, string argument, out string value)
    {
        value = "";
        int length = 0;
        while (length <= maxBytes && text[length] != 0)
            length++;
        if (length > maxBytes)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {argument} is longer than {maxBytes} bytes");
        }
        try
        {
            value = s_strict.GetString(text, length);
        }
        catch (DecoderFallbackException)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is not valid UTF-8");
        }
        return ReelResult.Success;
    }

    /// <summary>
    /// Writes <paramref name="text"/> into a fixed C char array of <paramref name="capacity"/>
    /// bytes: whole characters only, truncated to capacity − 1 bytes, then the NUL.
    /// </summary>
    public static void Write(string text, byte* destination, int capacity)
    {
        System.Text.Unicode.Utf8.FromUtf16(text, new Span<byte>(destination, capacity - 1), out _, out int written);
        destination[written] = 0;
    }
}
