using System;
using System.Numerics;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Pools;

/// <summary>
/// The plane arithmetic of a frame format: strides, offsets and the buffer size, overflow
/// checked. For 4:2:0 formats the chroma planes have ceil(width / 2) × ceil(height / 2)
/// samples, so odd sizes round up (a 5×3 I420 frame has 3×2 chroma samples).
/// </summary>
public sealed class FrameLayout
{
    /// <summary>Largest width or height of a frame.</summary>
    public const uint MaxDimension = 32768;

    /// <summary>Largest stride alignment; the default is 64.</summary>
    public const uint MaxStrideAlign = 4096;

    /// <summary>Largest per-row padding in bytes.</summary>
    public const uint MaxRowPadding = 4096;

    /// <summary>Largest height alignment in rows.</summary>
    public const uint MaxHeightAlign = 256;

    /// <summary>Largest frame buffer (4 GiB).</summary>
    public const ulong MaxBufferSize = 1UL << 32;

    /// <summary>Default stride alignment in bytes.</summary>
    public const uint DefaultStrideAlign = 64;

    private readonly PlaneLayout[] _planes;

    private FrameLayout(PixelFormat format, uint width, uint height, uint strideAlign, PlaneLayout[] planes, ulong size)
    {
        Format = format;
        StrideAlign = strideAlign;
        Width = width;
        Height = height;
        _planes = planes;
        Size = size;
    }

    /// <summary>The pixel format.</summary>
    public PixelFormat Format { get; }

    /// <summary>Alignment of every stride and plane offset, in bytes.</summary>
    public uint StrideAlign { get; }

    /// <summary>Width in pixels.</summary>
    public uint Width { get; }

    /// <summary>Height in pixels.</summary>
    public uint Height { get; }

    /// <summary>Number of planes: 1 (RGBA/BGRA), 2 (NV12/P010) or 3 (I420/I010).</summary>
    public int PlaneCount => _planes.Length;

    /// <summary>Bytes from the first plane's start to the last plane's end.</summary>
    public ulong Size { get; }

    /// <summary>The layout of plane <paramref name="index"/>.</summary>
    public PlaneLayout Plane(int index) => _planes[index];

    /// <summary>
    /// Computes the layout. <paramref name="strideAlign"/> (0 = 64) and <paramref name="heightAlign"/>
    /// (0 = 1) must be powers of two; <paramref name="rowPadding"/> bytes are added to every row
    /// before aligning. Failures set the thread's error message, prefixed with <paramref name="where"/>.
    /// </summary>
    public static ReelResult TryCreate(
        PixelFormat format, uint width, uint height, uint strideAlign, uint rowPadding, uint heightAlign,
        string where, out FrameLayout? layout)
    {
        layout = null;
        strideAlign = strideAlign == 0 ? DefaultStrideAlign : strideAlign;
        heightAlign = heightAlign == 0 ? 1 : heightAlign;
        if (!Enum.IsDefined(format))
            return Invalid(where, $"format is {(int)format}; allowed REEL_PIXEL_FORMAT_NV12 (1) to REEL_PIXEL_FORMAT_BGRA8 (6)");
        if (width is 0 or > MaxDimension)
            return Invalid(where, $"width is {width}; allowed 1 to {MaxDimension}");
        if (height is 0 or > MaxDimension)
            return Invalid(where, $"height is {height}; allowed 1 to {MaxDimension}");
        if (!BitOperations.IsPow2(strideAlign) || strideAlign > MaxStrideAlign)
            return Invalid(where, $"stride_align is {strideAlign}; allowed a power of two from 1 to {MaxStrideAlign}, or 0 for {DefaultStrideAlign}");
        if (rowPadding > MaxRowPadding)
            return Invalid(where, $"row_padding is {rowPadding}; allowed 0 to {MaxRowPadding}");
        if (!BitOperations.IsPow2(heightAlign) || heightAlign > MaxHeightAlign)
            return Invalid(where, $"height_align is {heightAlign}; allowed a power of two from 1 to {MaxHeightAlign}, or 0 for 1");

        uint chromaWidth = (width + 1) / 2;
        uint alignedHeight = AlignUp(height, heightAlign);
        uint chromaRows = (alignedHeight + 1) / 2;
        (uint RowBytes, uint Rows)[] planes = format switch
        {
            PixelFormat.Nv12 => [(width, alignedHeight), (chromaWidth * 2, chromaRows)],
            PixelFormat.I420 => [(width, alignedHeight), (chromaWidth, chromaRows), (chromaWidth, chromaRows)],
            PixelFormat.P010 => [(width * 2, alignedHeight), (chromaWidth * 4, chromaRows)],
            PixelFormat.I010 => [(width * 2, alignedHeight), (chromaWidth * 2, chromaRows), (chromaWidth * 2, chromaRows)],
            _ => [(width * 4, alignedHeight)],
        };

        var result = new PlaneLayout[planes.Length];
        ulong offset = 0;
        for (int i = 0; i < planes.Length; i++)
        {
            // Row bytes are at most 4 × 32768, so stride arithmetic fits in 32 bits.
            uint stride = AlignUp(planes[i].RowBytes + rowPadding, strideAlign);
            result[i] = new PlaneLayout(offset, stride, planes[i].RowBytes, planes[i].Rows);
            offset += result[i].Size;
        }
        if (offset > MaxBufferSize)
        {
            // Both fields are named with the caller's struct prefix ("desc->"), once each.
            string fields = where.EndsWith("->", StringComparison.Ordinal) ? where[(where.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].TrimStart() : "";
            return Invalid(where,
                $"width and {fields}height are {width}x{height}: a {CNames.EnumMember(format, "REEL_PIXEL_FORMAT_")} frame (stride_align {strideAlign}, row_padding {rowPadding}, height_align {heightAlign}) " +
                $"needs {offset} bytes; the most a frame buffer may have is {MaxBufferSize}");
        }
        layout = new FrameLayout(format, width, height, strideAlign, result, offset);
        return ReelResult.Success;
    }

    /// <summary>
    /// A layout whose strides and plane sizes a codec library dictates (libavcodec's
    /// get_buffer2 asks for exact linesizes and padded plane sizes): plane i has stride
    /// <paramref name="strides"/>[i] (a multiple of <paramref name="strideAlign"/>) and at least
    /// <paramref name="minPlaneBytes"/>[i] bytes (rows rounded up). <paramref name="width"/> and
    /// <paramref name="height"/> are the visible picture, which may be smaller than the rows
    /// hold (H.264 codes 1080p as 1088 rows). Failures set the error, prefixed with <paramref name="where"/>.
    /// </summary>
    public static ReelResult TryCreateWithStrides(
        PixelFormat format, uint width, uint height, uint strideAlign, ReadOnlySpan<uint> strides, ReadOnlySpan<ulong> minPlaneBytes,
        string where, out FrameLayout? layout)
    {
        layout = null;
        ReelResult result = TryCreate(format, width, height, strideAlign, 0, 1, where, out FrameLayout? natural);
        if (result != ReelResult.Success)
            return result;
        if (strides.Length != natural!.PlaneCount || minPlaneBytes.Length != natural.PlaneCount)
            return Invalid(where, $"{strides.Length} strides for a {format} frame of {natural.PlaneCount} planes");
        var planes = new PlaneLayout[natural.PlaneCount];
        ulong offset = 0;
        for (int i = 0; i < planes.Length; i++)
        {
            PlaneLayout minimal = natural.Plane(i);
            if (strides[i] < minimal.RowBytes || strides[i] % natural.StrideAlign != 0)
                return Invalid(where, $"stride of plane {i} is {strides[i]}; allowed a multiple of {natural.StrideAlign} of at least {minimal.RowBytes}");
            ulong rows = Math.Max(minimal.Rows, (minPlaneBytes[i] + strides[i] - 1) / strides[i]);
            if (rows > MaxDimension * 2UL)
                return Invalid(where, $"plane {i} needs {rows} rows; the most is {MaxDimension * 2}");
            planes[i] = new PlaneLayout(offset, strides[i], minimal.RowBytes, (uint)rows);
            offset += planes[i].Size;
        }
        if (offset > MaxBufferSize)
            return Invalid(where, $"a {width}x{height} {format} frame needs {offset} bytes; the most a frame buffer may have is {MaxBufferSize}");
        layout = new FrameLayout(format, width, height, natural.StrideAlign, planes, offset);
        return ReelResult.Success;
    }

    private static uint AlignUp(uint value, uint alignment) => (value + alignment - 1) & ~(alignment - 1);

    private static ReelResult Invalid(string where, string message) =>
        LastError.Set(ReelResult.ErrorInvalidArgument, where + message);
}
