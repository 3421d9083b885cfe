using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Reel.Errors;

/// <summary>
/// NUL-terminated UTF-8 strings that live for the whole process, for functions that return
/// <c>const char*</c> the caller must not free. Interned: each distinct text is stored once.
/// </summary>
public static unsafe class StaticStrings
{
    private static readonly object s_lock = new();

    /// <summary>Interned texts; never removed, so pointers stay valid forever.</summary>
    private static readonly Dictionary<string, nint> s_strings = new();

    /// <summary>The empty string "".</summary>
    public static readonly byte* Empty = Intern("");

    /// <summary>A process-lifetime NUL-terminated UTF-8 copy of <paramref name="text"/>.</summary>
    public static byte* Intern(string text)
    {
        lock (s_lock)
        {
            if (s_strings.TryGetValue(text, out nint existing))
                return (byte*)existing;
            int length = Encoding.UTF8.GetByteCount(text);
            byte* copy = (byte*)NativeMemory.Alloc((nuint)length + 1);
            Encoding.UTF8.GetBytes(text, new System.Span<byte>(copy, length));
            copy[length] = 0;
            s_strings.Add(text, (nint)copy);
            return copy;
        }
    }
}
