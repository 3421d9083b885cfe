using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Reel.Vulkan.Tests.Support;

/// <summary>NUL-terminated UTF-8 copies of strings in unmanaged memory, for raw Vulkan structs in tests.</summary>
internal sealed unsafe class Utf8Text : IDisposable
{
    private readonly byte*[] _strings;

    public Utf8Text(params string[] strings)
    {
        _strings = new byte*[strings.Length];
        for (int i = 0; i < strings.Length; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(strings[i] + "\0");
            _strings[i] = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
            bytes.CopyTo(new Span<byte>(_strings[i], bytes.Length));
        }
    }

    public byte* this[int index] => _strings[index];

    public void Dispose()
    {
        foreach (byte* s in _strings)
            NativeMemory.Free(s);
    }
}
