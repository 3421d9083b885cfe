using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Containers;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Seeking;
using Reel.Codecs.Sessions;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Seeking;

/// <summary>
/// A real SVT-AV1 clip with a keyframe every <see cref="Gop"/> frames in a temporary IVF file,
/// and the checksum of every frame as a plain sequential decode sees it: what any seek must
/// reproduce.
/// </summary>
internal sealed unsafe class SeekingClip : IDisposable
{
    public const int Width = 160;
    public const int Height = 96;
    public const int Gop = 12;

    private readonly TempDirectory _directory = new();

    public SeekingClip(int frames)
    {
        Frames = frames;
        Path = System.IO.Path.Combine(_directory.Path, "clip.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf, Width, Height);
        settings.KeyframeInterval = Gop;
        Assert.That(IvfWriter.Create(Path, Width, Height, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (writer)
        {
            Av1RoundTrip.Encode(settings, frames, writer);
            Assert.That(writer!.End("test"), Is.EqualTo(ReelResult.Success));
        }
        Assert.That(IvfReader.Open(Path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(IvfIndex.Build(reader!, Path, "test", out IvfIndex? index), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            KeyFrames = index!.RandomAccessPoints;
        }
        Assert.That(KeyFrames.Count, Is.GreaterThanOrEqualTo(frames / Gop), "a keyframe every GOP");
        Checksums = new ulong[frames];
        Assert.That(ReelContext.Create(new ContextOptions { Name = "reference" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        try
        {
            Assert.That(SeekingDecoder.Open(context!, Path, Options(), "test", out SeekingDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            using (decoder)
            {
                var seen = 0;
                // Frame by frame from 0: the decoder goes on (a keyframe that is the next frame needs no seek).
                for (int n = 0; n < frames; n++)
                    Assert.That(decoder!.DecodeThrough(n, (number, frame) => { Checksums[number] = Checksum(frame); seen++; }, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Assert.That((seen, decoder!.Seeks), Is.EqualTo((frames, 1L)), "a sequential decode from frame 0 shows every frame once");
            }
        }
        finally
        {
            ReelContext.Destroy(context!.Handle, "test");
        }
    }

    public int Frames { get; }

    public string Path { get; }

    public IReadOnlyList<int> KeyFrames { get; }

    /// <summary>Checksum of every frame decoded sequentially from frame 0.</summary>
    public ulong[] Checksums { get; }

    public static DecoderSessionOptions Options(int framesHeld = 64) => new()
    {
        Settings = new DecoderSettings { Threads = 2 },
        Backend = CodecBackend.Software,
        FramesHeld = framesHeld,
        Name = "seek",
    };

    /// <summary>FNV-1a over the visible bytes of every plane (stride padding and alignment rows excluded: dav1d never writes them).</summary>
    public static ulong Checksum(Handle frame)
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

    public void Dispose() => _directory.Dispose();
}
