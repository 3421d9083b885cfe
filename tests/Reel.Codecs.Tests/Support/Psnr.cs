using System;

namespace Reel.Codecs.Tests.Support;

/// <summary>Peak signal-to-noise ratio of 8-bit planes.</summary>
internal static unsafe class Psnr
{
    /// <summary>Identical planes report this instead of infinity.</summary>
    public const double Identical = 100;

    /// <summary>PSNR in dB of plane <paramref name="b"/> against reference <paramref name="a"/>.</summary>
    public static double Plane(byte* a, long aStride, byte* b, long bStride, int width, int height)
    {
        double squared = 0;
        for (int y = 0; y < height; y++)
        {
            byte* ra = a + y * aStride;
            byte* rb = b + y * bStride;
            for (int x = 0; x < width; x++)
            {
                int d = ra[x] - rb[x];
                squared += d * d;
            }
        }
        double mse = squared / ((double)width * height);
        return mse == 0 ? Identical : 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
