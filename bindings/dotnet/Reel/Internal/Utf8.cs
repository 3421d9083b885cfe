using System;
using System.Text;

namespace Reel;

/// <summary>Strings as Reel takes them: UTF-8, NUL-terminated, read during the call only.</summary>
internal static class Utf8
{
    /// <summary>
    /// The UTF-8 bytes of <paramref name="value"/> with a terminating NUL, or
    /// <see langword="null"/> for <see langword="null"/> (which <c>fixed</c> turns into NULL).
    /// A string with an embedded NUL is refused here: Reel would see only its first part.
    /// </summary>
    public static byte[]? Terminated(string? value, string parameter)
    {
        if (value is null)
            return null;
        if (value.Contains('\0'))
            throw new ArgumentException($"{parameter} contains a NUL character", parameter);
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    /// <summary>A NUL-terminated UTF-8 string Reel owns, copied; "" for NULL.</summary>
    public static unsafe string Read(byte* text) =>
        text == null ? "" : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)text) ?? "";
}
