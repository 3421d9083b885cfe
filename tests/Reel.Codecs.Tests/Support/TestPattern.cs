using System;
using Reel.Codecs.Frames;

namespace Reel.Codecs.Tests.Support;

/// <summary>
/// A deterministic moving picture with the kinds of content encoders meet: smooth gradients,
/// a moving sharp-edged box, and fixed fine texture. Frame n differs from frame n - 1.
/// </summary>
internal static unsafe class TestPattern
{
    /// <summary>Fills <paramref name="frame"/> with pattern frame <paramref name="index"/>.</summary>
    public static void Fill(in I420Frame frame, int index)
    {
        int boxX = (index * 7) % Math.Max(1, frame.Width - frame.Width / 4);
        int boxY = (index * 3) % Math.Max(1, frame.Height - frame.Height / 4);
        for (int y = 0; y < frame.Height; y++)
        {
            byte* row = frame.Y + (long)y * frame.YStride;
            for (int x = 0; x < frame.Width; x++)
            {
                bool inBox = x >= boxX && x < boxX + frame.Width / 4 && y >= boxY && y < boxY + frame.Height / 4;
                int texture = ((x * 13 + y * 7) % 17) - 8;
                int value = inBox ? 220 : 40 + (x + index * 2) * 140 / frame.Width + y * 40 / frame.Height + texture;
                row[x] = (byte)Math.Clamp(value, 0, 255);
            }
        }
        for (int y = 0; y < frame.ChromaHeight; y++)
        {
            byte* u = frame.U + (long)y * frame.UStride;
            byte* v = frame.V + (long)y * frame.VStride;
            for (int x = 0; x < frame.ChromaWidth; x++)
            {
                u[x] = (byte)(96 + (x * 64 / frame.ChromaWidth) + index % 8);
                v[x] = (byte)(160 - (y * 64 / frame.ChromaHeight));
            }
        }
    }
}
