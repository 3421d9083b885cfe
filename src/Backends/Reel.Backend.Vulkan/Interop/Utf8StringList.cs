using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Reel.Vulkan.Interop;

/// <summary>
/// Strings as a native <c>const char* const*</c> array (layer and extension names, the
/// application name) in unmanaged memory, valid until disposed.
/// </summary>
internal sealed unsafe class Utf8StringList : IDisposable
{
    private byte** _pointers;
    private readonly int _count;

    /// <summary>Copies <paramref name="strings"/> as NUL-terminated UTF-8.</summary>
    public Utf8StringList(IReadOnlyCollection<string> strings)
    {
        _count = strings.Count;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(_count, 1), (nuint)sizeof(byte*));
        int i = 0;
        foreach (string text in strings)
        {
            int length = Encoding.UTF8.GetByteCount(text);
            byte* copy = (byte*)NativeMemory.Alloc((nuint)length + 1);
            Encoding.UTF8.GetBytes(text, new Span<byte>(copy, length));
            copy[length] = 0;
            _pointers[i++] = copy;
        }
    }

    /// <summary>The array of C strings; never NULL, even when empty.</summary>
    public byte** Pointers => _pointers;

    /// <summary>How many strings the array holds.</summary>
    public uint Count => (uint)_count;

    /// <summary>The first string, or NULL when the list is empty.</summary>
    public byte* First => _count > 0 ? _pointers[0] : null;

    /// <summary>Frees the strings and the array. Idempotent.</summary>
    public void Dispose()
    {
        if (_pointers == null)
            return;
        for (int i = 0; i < _count; i++)
            NativeMemory.Free(_pointers[i]);
        NativeMemory.Free(_pointers);
        _pointers = null;
    }
}
