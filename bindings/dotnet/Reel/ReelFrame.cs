using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// The planes of a frame buffer, read once with <c>reel_buffer_get_frame</c>
/// (<see cref="ReelBuffer.GetFrame"/>). A ref struct: it lives on the stack of the method
/// that asked for it, and its spans are valid while that <see cref="ReelBuffer"/> is not
/// disposed.
/// </summary>
public readonly unsafe ref struct ReelFrame
{
    private readonly reel_frame_info_t _info;

    internal ReelFrame(reel_frame_info_t info) => _info = info;

    /// <summary>The pool's pixel format.</summary>
    public reel_pixel_format_t Format => _info.format;

    /// <summary>Width in pixels.</summary>
    public int Width => (int)_info.width;

    /// <summary>Height in pixels.</summary>
    public int Height => (int)_info.height;

    /// <summary>Planes: 1 (RGBA8/BGRA8), 2 (NV12/P010) or 3 (I420/I010).</summary>
    public int PlaneCount => (int)_info.plane_count;

    /// <summary>The presentation timestamp when the frame was read.</summary>
    public long Pts => _info.pts;

    /// <summary>The host tag when the frame was read.</summary>
    public ulong Tag => _info.tag;

    /// <summary>Bytes from one row of plane <paramref name="index"/> to the next.</summary>
    public int Stride(int index)
    {
        CheckPlane(index);
        return (int)_info.stride[index];
    }

    /// <summary>
    /// The bytes of plane <paramref name="index"/> (stride x rows: Y first, then U and V or
    /// the interleaved UV). 4:2:0 chroma planes have ceil(width/2) x ceil(height/2) samples.
    /// </summary>
    public Span<byte> Plane(int index)
    {
        CheckPlane(index);
        return new Span<byte>((void*)_info.data[index], checked((int)_info.plane_size[index]));
    }

    /// <summary>
    /// Row <paramref name="y"/> of plane <paramref name="index"/>: its first
    /// <paramref name="bytes"/> bytes (the visible samples; the stride may be longer).
    /// </summary>
    public Span<byte> Row(int index, int y, int bytes)
    {
        int stride = Stride(index);
        if ((uint)bytes > (uint)stride)
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"plane {index} has a stride of {stride} bytes");
        return Plane(index).Slice(checked(y * stride), bytes);
    }

    private void CheckPlane(int index)
    {
        if ((uint)index >= _info.plane_count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the frame has {_info.plane_count} plane(s)");
    }
}
