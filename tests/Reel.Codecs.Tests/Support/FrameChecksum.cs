using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Support;

/// <summary>What "the same frame" means for the seeking tests: a checksum of the picture alone.</summary>
internal static unsafe class FrameChecksum
{
    /// <summary>FNV-1a over the visible bytes of every plane (stride padding and alignment rows excluded: dav1d never writes them).</summary>
    public static ulong Of(Handle frame)
    {
        Assert.That(Buffers.GetFrame(frame, "test", out FrameView view), Is.EqualTo(ReelResult.Success));
        ulong hash = 14695981039346656037UL;
        for (int p = 0; p < view.Layout.PlaneCount; p++)
        {
            PlaneLayout plane = view.Layout.Plane(p);
            uint rows = p == 0 ? view.Layout.Height : (view.Layout.Height + 1) / 2;
            for (uint row = 0; row < rows; row++)
            {
                var bytes = new ReadOnlySpan<byte>((byte*)view.Memory + plane.Offset + (ulong)row * plane.Stride, (int)plane.RowBytes);
                foreach (byte b in bytes)
                    hash = (hash ^ b) * 1099511628211UL;
            }
        }
        return hash;
    }
}
