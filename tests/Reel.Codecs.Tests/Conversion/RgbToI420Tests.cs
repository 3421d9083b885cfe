using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Conversion;
using Reel.Codecs.Frames;
using Reel.Errors;

namespace Reel.Codecs.Tests.Conversion;

/// <summary>RGBA/BGRA to I420 against a floating-point BT.709 limited-range reference, and the vector path against the scalar one.</summary>
public unsafe class RgbToI420Tests
{
    private static readonly (int Width, int Height)[] s_sizes = { (1, 1), (2, 2), (7, 5), (8, 2), (9, 3), (16, 16), (33, 17), (321, 241) };

    [TestCase(255, 255, 255, 235, 128, 128)]
    [TestCase(0, 0, 0, 16, 128, 128)]
    [TestCase(128, 128, 128, 126, 128, 128)]
    [TestCase(255, 0, 0, 63, 102, 240)]
    [TestCase(0, 255, 0, 173, 42, 26)]
    [TestCase(0, 0, 255, 32, 240, 118)]
    public void Convert_SolidColour_GivesBt709LimitedRangeValues(int r, int g, int b, int y, int u, int v)
    {
        foreach (RgbByteOrder order in new[] { RgbByteOrder.Rgba, RgbByteOrder.Bgra })
        foreach (bool vectorised in new[] { false, true })
        {
            using Image image = Image.Solid(16, 4, order, r, g, b);
            I420Frame frame = Convert(image, order, vectorised);
            Assert.That((frame.Y[0], frame.Y[frame.YStride + 5], frame.U[3], frame.V[frame.VStride + 5]), Is.EqualTo(((byte)y, (byte)y, (byte)u, (byte)v)), $"{order}, vectorised {vectorised}");
        }
    }

    [Test]
    public void Convert_RandomImages_VectorPathEqualsScalarPathBitForBit()
    {
        foreach ((int width, int height) in s_sizes)
        foreach (RgbByteOrder order in new[] { RgbByteOrder.Rgba, RgbByteOrder.Bgra })
        {
            using Image image = Image.Random(width, height, seed: width * 1000 + height);
            byte[] scalar = Packed(Convert(image, order, vectorised: false));
            byte[] vector = Packed(Convert(image, order, vectorised: true));
            Assert.That(vector, Is.EqualTo(scalar), $"{width}x{height} {order}");
        }
    }

    [Test]
    public void Convert_RandomImages_WithinOneOfTheFloatingPointReference()
    {
        foreach ((int width, int height) in s_sizes)
        {
            using Image image = Image.Random(width, height, seed: width + height);
            I420Frame frame = Convert(image, RgbByteOrder.Rgba, vectorised: true);
            int worst = 0;
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    (double r, double g, double b) = image.Pixel(x, y);
                    double luma = 16 + 219 * (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                    worst = Math.Max(worst, Math.Abs(frame.Y[y * frame.YStride + x] - (int)Math.Round(luma)));
                }
            }
            for (int cy = 0; cy < frame.ChromaHeight; cy++)
            {
                for (int cx = 0; cx < frame.ChromaWidth; cx++)
                {
                    // Mean of the pixels of the 2x2 block that exist (odd right and bottom edges have fewer).
                    double r = 0, g = 0, b = 0;
                    int n = 0;
                    for (int y = 2 * cy; y < Math.Min(2 * cy + 2, height); y++)
                    {
                        for (int x = 2 * cx; x < Math.Min(2 * cx + 2, width); x++, n++)
                        {
                            (double pr, double pg, double pb) = image.Pixel(x, y);
                            (r, g, b) = (r + pr, g + pg, b + pb);
                        }
                    }
                    (r, g, b) = (r / n, g / n, b / n);
                    double lumaPrime = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                    double cb = 128 + 224 * (b - lumaPrime) / (1.8556 * 255);
                    double cr = 128 + 224 * (r - lumaPrime) / (1.5748 * 255);
                    worst = Math.Max(worst, Math.Abs(frame.U[cy * frame.UStride + cx] - (int)Math.Round(cb)));
                    worst = Math.Max(worst, Math.Abs(frame.V[cy * frame.VStride + cx] - (int)Math.Round(cr)));
                }
            }
            Assert.That(worst, Is.LessThanOrEqualTo(1), $"{width}x{height}: largest difference from the reference");
        }
    }

    [Test]
    public void Convert_BgraOfTheSamePixels_EqualsRgba()
    {
        using Image rgba = Image.Random(33, 17, seed: 5);
        using Image bgra = rgba.SwappedRedBlue();
        Assert.That(Packed(Convert(bgra, RgbByteOrder.Bgra, true)), Is.EqualTo(Packed(Convert(rgba, RgbByteOrder.Rgba, true))));
    }

    [Test]
    public void Convert_NegativeStride_ReadsABottomUpImage()
    {
        using Image image = Image.Random(21, 9, seed: 8);
        using Image flipped = image.Flipped();
        Assert.That(I420Buffer.Create(21, 9, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (buffer)
        {
            // The last row in memory is the top of the picture.
            byte* top = flipped.Pixels + (long)(flipped.Height - 1) * flipped.Stride;
            Assert.That(RgbToI420.Convert(top, -flipped.Stride, 21, 9, RgbByteOrder.Rgba, buffer!.Frame, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(Packed(buffer.Frame), Is.EqualTo(Packed(Convert(image, RgbByteOrder.Rgba, true))));
        }
    }

    [Test]
    public void Convert_BadArguments_FailNamingThem()
    {
        Assert.That(I420Buffer.Create(8, 8, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using Image image = Image.Random(8, 8, seed: 1);
        using (buffer)
        {
            Assert.That(RgbToI420.Convert(null, 32, 8, 8, RgbByteOrder.Rgba, buffer!.Frame, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: source is NULL"));
            Assert.That(RgbToI420.Convert(image.Pixels, 31, 8, 8, RgbByteOrder.Rgba, buffer.Frame, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: source stride is 31; allowed 32 (4 * width) or more in magnitude"));
            Assert.That(RgbToI420.Convert(image.Pixels, 32, 6, 8, RgbByteOrder.Rgba, buffer.Frame, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame is 8x8; expected 6x8"));
            Assert.That(RgbToI420.Convert(image.Pixels, 32, 8, 8, (RgbByteOrder)5, buffer.Frame, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: order is 5; allowed Rgba (0) or Bgra (1)"));
        }
    }

    [Test]
    public void Convert_1080p_ReportsVectorAndScalarTimes()
    {
        using Image image = Image.Random(1920, 1080, seed: 3);
        Assert.That(I420Buffer.Create(1920, 1080, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (buffer)
        {
            double Time(bool vectorised)
            {
                RgbToI420.Convert(image.Pixels, image.Stride, 1920, 1080, RgbByteOrder.Rgba, buffer!.Frame, vectorised, "test");
                var clock = Stopwatch.StartNew();
                const int runs = 5;
                for (int i = 0; i < runs; i++)
                    Assert.That(RgbToI420.Convert(image.Pixels, image.Stride, 1920, 1080, RgbByteOrder.Rgba, buffer.Frame, vectorised, "test"), Is.EqualTo(ReelResult.Success));
                return clock.Elapsed.TotalMilliseconds / runs;
            }
            double scalar = Time(false), vector = Time(true);
            TestContext.Out.WriteLine($"1920x1080 RGBA to I420: scalar {scalar:F2} ms, Vector128 {vector:F2} ms ({scalar / vector:F1}x)");
            Assert.That(vector, Is.GreaterThan(0));
        }
    }

    private static I420Frame Convert(Image image, RgbByteOrder order, bool vectorised)
    {
        Assert.That(I420Buffer.Create(image.Width, image.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        image.Keep(buffer!);
        Assert.That(RgbToI420.Convert(image.Pixels, image.Stride, image.Width, image.Height, order, buffer!.Frame, vectorised, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return buffer.Frame;
    }

    private static byte[] Packed(in I420Frame frame)
    {
        var bytes = new byte[I420Frame.PackedSize(frame.Width, frame.Height)];
        int at = 0;
        for (int y = 0; y < frame.Height; y++, at += frame.Width)
            new ReadOnlySpan<byte>(frame.Y + y * frame.YStride, frame.Width).CopyTo(bytes.AsSpan(at));
        for (int y = 0; y < frame.ChromaHeight; y++, at += frame.ChromaWidth)
            new ReadOnlySpan<byte>(frame.U + y * frame.UStride, frame.ChromaWidth).CopyTo(bytes.AsSpan(at));
        for (int y = 0; y < frame.ChromaHeight; y++, at += frame.ChromaWidth)
            new ReadOnlySpan<byte>(frame.V + y * frame.VStride, frame.ChromaWidth).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>An RGBA image in unmanaged memory with a padded stride; owns the I420 buffers converted from it.</summary>
    private sealed class Image : IDisposable
    {
        private readonly System.Collections.Generic.List<I420Buffer> _kept = new();

        private Image(int width, int height)
        {
            Width = width;
            Height = height;
            // Padding that is not a multiple of 16 keeps the vector loads unaligned.
            Stride = width * 4 + 12;
            Pixels = (byte*)NativeMemory.AllocZeroed((nuint)(Stride * height));
        }

        public int Width { get; }
        public int Height { get; }
        public int Stride { get; }
        public byte* Pixels { get; }

        public static Image Solid(int width, int height, RgbByteOrder order, int r, int g, int b)
        {
            var image = new Image(width, height);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    byte* p = image.Pixels + y * image.Stride + 4 * x;
                    (p[0], p[1], p[2], p[3]) = order == RgbByteOrder.Rgba ? ((byte)r, (byte)g, (byte)b, (byte)255) : ((byte)b, (byte)g, (byte)r, (byte)255);
                }
            }
            return image;
        }

        public static Image Random(int width, int height, int seed)
        {
            var image = new Image(width, height);
            var random = new Random(seed);
            for (int y = 0; y < height; y++)
                random.NextBytes(new Span<byte>(image.Pixels + y * image.Stride, width * 4));
            return image;
        }

        public (double R, double G, double B) Pixel(int x, int y)
        {
            byte* p = Pixels + y * Stride + 4 * x;
            return (p[0], p[1], p[2]);
        }

        public Image SwappedRedBlue()
        {
            var image = new Image(Width, Height);
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    byte* s = Pixels + y * Stride + 4 * x;
                    byte* d = image.Pixels + y * image.Stride + 4 * x;
                    (d[0], d[1], d[2], d[3]) = (s[2], s[1], s[0], s[3]);
                }
            }
            return image;
        }

        public Image Flipped()
        {
            var image = new Image(Width, Height);
            for (int y = 0; y < Height; y++)
                new ReadOnlySpan<byte>(Pixels + y * Stride, Width * 4).CopyTo(new Span<byte>(image.Pixels + (Height - 1 - y) * image.Stride, Width * 4));
            return image;
        }

        public void Keep(I420Buffer buffer) => _kept.Add(buffer);

        public void Dispose()
        {
            foreach (I420Buffer buffer in _kept)
                buffer.Dispose();
            NativeMemory.Free(Pixels);
        }
    }
}
