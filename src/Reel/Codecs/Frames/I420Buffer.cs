using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs;

namespace Reel.Codecs.Frames;

/// <summary>
/// An 8-bit 4:2:0 picture in one block of unmanaged memory: every plane starts 64-byte aligned
/// and every stride is a multiple of 64, so SIMD code may read whole rows. For readers, tests
/// and conversions; pooled frames come from Reel's frame pools instead.
/// </summary>
public sealed unsafe class I420Buffer : IDisposable
{
    /// <summary>Alignment of the block, of each plane and of each stride.</summary>
    public const int Alignment = 64;

    /// <summary>Largest width or height accepted (the AV1 maximum frame dimension).</summary>
    public const int MaxDimension = 65536;

    private byte* _memory;
    private readonly nuint _size;
    private readonly I420Frame _frame;

    private I420Buffer(byte* memory, nuint size, in I420Frame frame)
    {
        _memory = memory;
        _size = size;
        _frame = frame;
    }

    /// <summary>
    /// Allocates a zeroed <paramref name="width"/> x <paramref name="height"/> picture. Returns
    /// ErrorInvalidArgument for dimensions outside 1 to 65536 and ErrorOutOfMemory when the
    /// block cannot be allocated.
    /// </summary>
    public static ReelResult Create(int width, int height, string function, out I420Buffer? buffer)
    {
        buffer = null;
        if (width < 1 || width > MaxDimension)
            return CodecErrors.InvalidArgument($"{function}: width is {width}; allowed 1 to {MaxDimension}");
        if (height < 1 || height > MaxDimension)
            return CodecErrors.InvalidArgument($"{function}: height is {height}; allowed 1 to {MaxDimension}");
        int yStride = AlignUp(width);
        int cStride = AlignUp((width + 1) >> 1);
        int cHeight = (height + 1) >> 1;
        nuint ySize = (nuint)yStride * (nuint)height;
        nuint cSize = (nuint)cStride * (nuint)cHeight;
        nuint size = ySize + 2 * cSize;
        byte* memory = (byte*)NativeMemory.AlignedAlloc(size, Alignment);
        if (memory == null)
            return CodecErrors.OutOfMemory($"{function}: {size} bytes for a {width}x{height} picture could not be allocated");
        NativeMemory.Clear(memory, size);
        var frame = new I420Frame(width, height, memory, yStride, memory + ySize, cStride, memory + ySize + cSize, cStride);
        buffer = new I420Buffer(memory, size, frame);
        return ReelResult.Success;
    }

    /// <summary>The picture; valid until <see cref="Dispose"/>.</summary>
    public I420Frame Frame
    {
        get
        {
            ObjectDisposedException.ThrowIf(_memory == null, this);
            return _frame;
        }
    }

    /// <summary>Size of the block in bytes, strides included.</summary>
    public nuint SizeInBytes => _size;

    /// <summary>Frees the block; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_memory == null)
            return;
        NativeMemory.AlignedFree(_memory);
        _memory = null;
    }

    private static int AlignUp(int value) => (value + Alignment - 1) & ~(Alignment - 1);
}
