using System;

namespace Reel.Fuzz;

/// <summary>Reads operation bytes and arguments from a fuzz input; past its end every read is 0.</summary>
internal ref struct ByteCursor
{
    private readonly ReadOnlySpan<byte> _data;
    private int _at;

    /// <summary>A cursor at the start of <paramref name="data"/>.</summary>
    public ByteCursor(ReadOnlySpan<byte> data)
    {
        _data = data;
        _at = 0;
    }

    /// <summary>Whether bytes are left.</summary>
    public readonly bool More => _at < _data.Length;

    /// <summary>The next byte.</summary>
    public byte U8() => _at < _data.Length ? _data[_at++] : (byte)0;

    /// <summary>The next two bytes, little-endian.</summary>
    public int U16() => U8() | U8() << 8;

    /// <summary>The next <paramref name="count"/> bytes (fewer at the end).</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        count = Math.Min(count, _data.Length - _at);
        ReadOnlySpan<byte> taken = _data.Slice(_at, count);
        _at += count;
        return taken;
    }
}
