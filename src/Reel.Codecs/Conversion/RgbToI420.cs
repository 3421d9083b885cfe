using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Frames;

namespace Reel.Codecs.Conversion;

/// <summary>
/// 8-bit RGBA / BGRA to 8-bit I420 with the BT.709 matrix in limited (studio) range:
/// Y = 16 + 219 (0.2126 R + 0.7152 G + 0.0722 B) / 255, Cb and Cr = 128 + 224 (B − Y′) / (1.8556 · 255)
/// and 128 + 224 (R − Y′) / (1.5748 · 255). BT.709 because captures are HD and sRGB (whose
/// primaries are BT.709's), and limited range because that is what players assume for AV1
/// without a colour description; encoders tag it with ColorDescription.Bt709Limited. Each
/// chroma sample comes from the mean of its 2x2 RGB block (fewer pixels at an odd right or
/// bottom edge, where chroma rounds up). Fixed point, 16 fraction bits, round half up. A
/// Vector128 path (4 pixels per vector, 8x2 pixels per step) gives bit-identical results to
/// the scalar one; the input is never written.
/// </summary>
public static unsafe class RgbToI420
{
    // Coefficients * 65536, rounded so that each chroma row sums to 0 (grey stays 128).
    private const int YR = 11966, YG = 40255, YB = 4064;
    private const int CbR = -6596, CbG = -22189, CbB = 28785;
    private const int CrR = 28785, CrG = -26145, CrB = -2640;
    private const int YOffset = (16 << 16) + (1 << 15);
    private const int ChromaRound = 1 << 17;

    /// <summary>
    /// Converts a <paramref name="width"/> x <paramref name="height"/> image starting at
    /// <paramref name="source"/> (first row on top; a negative <paramref name="sourceStride"/>
    /// walks up in memory, for bottom-up images) into <paramref name="destination"/>, which
    /// must have the same dimensions. Errors: null source, a stride shorter than a row of
    /// pixels, mismatched dimensions or bad destination planes.
    /// </summary>
    public static ReelResult Convert(byte* source, int sourceStride, int width, int height, RgbByteOrder order, in I420Frame destination, string function)
        => Convert(source, sourceStride, width, height, order, destination, Vector128.IsHardwareAccelerated, function);

    /// <summary><see cref="Convert(byte*, int, int, int, RgbByteOrder, in I420Frame, string)"/> choosing the path (tests compare both).</summary>
    internal static ReelResult Convert(byte* source, int sourceStride, int width, int height, RgbByteOrder order, in I420Frame destination, bool vectorised, string function)
    {
        if (source == null)
            return CodecErrors.InvalidArgument($"{function}: source is NULL");
        if (width < 1 || height < 1)
            return CodecErrors.InvalidArgument($"{function}: size is {width}x{height}; allowed 1x1 or more");
        if (Math.Abs((long)sourceStride) < 4L * width)
            return CodecErrors.InvalidArgument($"{function}: source stride is {sourceStride}; allowed {4L * width} (4 * width) or more in magnitude");
        if (order is not (RgbByteOrder.Rgba or RgbByteOrder.Bgra))
            return CodecErrors.InvalidArgument($"{function}: order is {(int)order}; allowed Rgba (0) or Bgra (1)");
        ReelResult result = destination.Check(function, width, height);
        if (result != ReelResult.Success)
            return result;
        // First memory byte of a pixel is R for RGBA and B for BGRA; the third is the other.
        bool rgba = order == RgbByteOrder.Rgba;
        var k = new Coefficients(rgba);
        int pairedRows = height & ~1;
        for (int y = 0; y < height; y += 2)
        {
            byte* row0 = source + (long)y * sourceStride;
            byte* row1 = y + 1 < height ? row0 + sourceStride : row0;
            byte* y0 = destination.Y + (long)y * destination.YStride;
            byte* y1 = y + 1 < height ? y0 + destination.YStride : null;
            byte* u = destination.U + (long)(y >> 1) * destination.UStride;
            byte* v = destination.V + (long)(y >> 1) * destination.VStride;
            int x = 0;
            if (vectorised && y < pairedRows)
                x = ConvertVector(row0, row1, y0, y1, u, v, width & ~7, k);
            ConvertScalar(row0, row1, y0, y1, u, v, x, width, k);
        }
        return ReelResult.Success;
    }

    /// <summary>Columns [<paramref name="x"/>, <paramref name="width"/>) of one row pair, one 2x2 block at a time; <paramref name="y1"/> null for a lone last row.</summary>
    private static void ConvertScalar(byte* row0, byte* row1, byte* y0, byte* y1, byte* u, byte* v, int x, int width, in Coefficients k)
    {
        for (; x < width; x += 2)
        {
            int x1 = x + 1 < width ? x + 1 : x;
            byte* p00 = row0 + 4 * x, p01 = row0 + 4 * x1, p10 = row1 + 4 * x, p11 = row1 + 4 * x1;
            y0[x] = Luma(p00, k);
            if (x1 != x)
                y0[x1] = Luma(p01, k);
            if (y1 != null)
            {
                y1[x] = Luma(p10, k);
                if (x1 != x)
                    y1[x1] = Luma(p11, k);
            }
            // Missing edge pixels are repeated, which weights the present ones equally.
            int s0 = p00[0] + p01[0] + p10[0] + p11[0];
            int s1 = p00[1] + p01[1] + p10[1] + p11[1];
            int s2 = p00[2] + p01[2] + p10[2] + p11[2];
            u[x >> 1] = (byte)(128 + ((k.Cb0 * s0 + k.Cb1 * s1 + k.Cb2 * s2 + ChromaRound) >> 18));
            v[x >> 1] = (byte)(128 + ((k.Cr0 * s0 + k.Cr1 * s1 + k.Cr2 * s2 + ChromaRound) >> 18));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Luma(byte* pixel, in Coefficients k)
        => (byte)((k.Y0 * pixel[0] + k.Y1 * pixel[1] + k.Y2 * pixel[2] + YOffset) >> 16);

    /// <summary>Columns [0, <paramref name="end"/>) (a multiple of 8) of a full row pair; returns <paramref name="end"/>.</summary>
    private static int ConvertVector(byte* row0, byte* row1, byte* y0, byte* y1, byte* u, byte* v, int end, in Coefficients k)
    {
        Vector128<uint> low = Vector128.Create(0x00FF00FFu);
        Vector128<uint> byteMask = Vector128.Create(0xFFu);
        Vector128<int> y0k = Vector128.Create(k.Y0), y1k = Vector128.Create(k.Y1), y2k = Vector128.Create(k.Y2);
        Vector128<int> cb0 = Vector128.Create(k.Cb0), cb1 = Vector128.Create(k.Cb1), cb2 = Vector128.Create(k.Cb2);
        Vector128<int> cr0 = Vector128.Create(k.Cr0), cr1 = Vector128.Create(k.Cr1), cr2 = Vector128.Create(k.Cr2);
        Vector128<int> yOffset = Vector128.Create(YOffset), chromaRound = Vector128.Create(ChromaRound), mid = Vector128.Create(128);
        for (int x = 0; x < end; x += 8)
        {
            Vector128<uint> a0 = Vector128.Load((uint*)(row0 + 4 * x));
            Vector128<uint> b0 = Vector128.Load((uint*)(row0 + 4 * x + 16));
            Vector128<uint> a1 = Vector128.Load((uint*)(row1 + 4 * x));
            Vector128<uint> b1 = Vector128.Load((uint*)(row1 + 4 * x + 16));

            Vector128<ushort> luma0 = Vector128.Narrow(LumaVector(a0, byteMask, y0k, y1k, y2k, yOffset), LumaVector(b0, byteMask, y0k, y1k, y2k, yOffset)).AsUInt16();
            Vector128<ushort> luma1 = Vector128.Narrow(LumaVector(a1, byteMask, y0k, y1k, y2k, yOffset), LumaVector(b1, byteMask, y0k, y1k, y2k, yOffset)).AsUInt16();
            Vector128<ulong> luma = Vector128.Narrow(luma0, luma1).AsUInt64();
            *(ulong*)(y0 + x) = luma.GetElement(0);
            *(ulong*)(y1 + x) = luma.GetElement(1);

            // Per pixel, bytes 0 and 2 summed over both rows in the 16-bit halves, then byte 1.
            Vector128<uint> even = Vector128.Narrow(PairSum((a0 & low) + (a1 & low)), PairSum((b0 & low) + (b1 & low)));
            Vector128<uint> odd = Vector128.Narrow(
                PairSum((Vector128.ShiftRightLogical(a0, 8) & low) + (Vector128.ShiftRightLogical(a1, 8) & low)),
                PairSum((Vector128.ShiftRightLogical(b0, 8) & low) + (Vector128.ShiftRightLogical(b1, 8) & low)));
            Vector128<int> s0 = (even & Vector128.Create(0xFFFFu)).AsInt32();
            Vector128<int> s2 = Vector128.ShiftRightLogical(even, 16).AsInt32();
            Vector128<int> s1 = (odd & Vector128.Create(0xFFFFu)).AsInt32();
            Vector128<int> cb = mid + Vector128.ShiftRightArithmetic(cb0 * s0 + cb1 * s1 + cb2 * s2 + chromaRound, 18);
            Vector128<int> cr = mid + Vector128.ShiftRightArithmetic(cr0 * s0 + cr1 * s1 + cr2 * s2 + chromaRound, 18);
            Vector128<ushort> chroma16 = Vector128.Narrow(cb, cr).AsUInt16();
            Vector128<uint> chroma = Vector128.Narrow(chroma16, chroma16).AsUInt32();
            *(uint*)(u + (x >> 1)) = chroma.GetElement(0);
            *(uint*)(v + (x >> 1)) = chroma.GetElement(1);
        }
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> LumaVector(Vector128<uint> pixels, Vector128<uint> byteMask, Vector128<int> k0, Vector128<int> k1, Vector128<int> k2, Vector128<int> offset)
    {
        Vector128<int> c0 = (pixels & byteMask).AsInt32();
        Vector128<int> c1 = (Vector128.ShiftRightLogical(pixels, 8) & byteMask).AsInt32();
        Vector128<int> c2 = (Vector128.ShiftRightLogical(pixels, 16) & byteMask).AsInt32();
        return Vector128.ShiftRightArithmetic(k0 * c0 + k1 * c1 + k2 * c2 + offset, 16);
    }

    /// <summary>Adds horizontally adjacent pixels: the low 32 bits of each 64-bit lane hold the pair's sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> PairSum(Vector128<uint> sums)
    {
        Vector128<ulong> pairs = sums.AsUInt64();
        return pairs + Vector128.ShiftRightLogical(pairs, 32);
    }

    /// <summary>The coefficients in memory byte order (byte 0, 1, 2 of each pixel).</summary>
    private readonly struct Coefficients
    {
        public readonly int Y0, Y1, Y2, Cb0, Cb1, Cb2, Cr0, Cr1, Cr2;

        public Coefficients(bool rgba)
        {
            (Y0, Y1, Y2) = rgba ? (YR, YG, YB) : (YB, YG, YR);
            (Cb0, Cb1, Cb2) = rgba ? (CbR, CbG, CbB) : (CbB, CbG, CbR);
            (Cr0, Cr1, Cr2) = rgba ? (CrR, CrG, CrB) : (CrB, CrG, CrR);
        }
    }
}
