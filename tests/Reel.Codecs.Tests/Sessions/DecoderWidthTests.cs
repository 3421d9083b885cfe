using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Containers;
using Reel.Codecs.Decoders;
using Reel.Codecs.Sessions;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>
/// A decoder session decodes every picture width into its frame pools, 8- and 10-bit, byte
/// for byte what the dav1d tool writes for the same stream. dav1d needs each plane to hold
/// the width rounded up to 128 samples (two bytes each above 8 bits); a pool aligned in bytes
/// instead fails exactly the 10-bit widths whose rounding to 64 samples is an odd multiple of
/// 64 (16, 48, 64, 130, 320, 960 ...). The widths cover every residue class that matters
/// (0, 1, 63, 64, 65, 127 mod 128, odd widths, powers of two and their neighbours, common
/// sizes) from 16 to 4096; the streams are libaom's (one ffmpeg process per bit depth, two
/// frames each, a few rows high, odd and even heights), so the fixture takes seconds.
/// </summary>
[NonParallelizable]
public sealed class DecoderWidthTests
{
    /// <summary>Widths from 16 to 4096.</summary>
    private static readonly int[] s_widths =
    [
        16, 17, 31, 48, 63, 64, 65, 96, 127, 128, 129, 130, 191, 192, 193, 200, 255, 256, 257,
        320, 383, 448, 640, 703, 960, 1023, 1024, 1025, 1280, 1920, 2047, 2049, 3001, 4095, 4096,
    ];

    private const int Frames = 2;

    private TempDirectory _directory = null!;
    private ReelContext _context = null!;

    /// <summary>Width and bit depth of every case.</summary>
    public static IEnumerable<TestCaseData> Cases()
        => from bits in new[] { 8, 10 } from width in s_widths select new TestCaseData(width, bits).SetName($"Decode_{bits}Bit_Width{width}_MatchesDav1dTool");

    private static int HeightOf(int width) => (width % 3) switch { 0 => 8, 1 => 9, _ => 2 };

    private string Stream(int width, int bits) => _directory.File($"w{width}-{bits}.ivf");

    [OneTimeSetUp]
    public void EncodeStreams()
    {
        _directory = new TempDirectory();
        string ffmpeg = ExternalTool.Require("ffmpeg");
        string dav1d = ExternalTool.Require("dav1d");
        Parallel.ForEach(new[] { 8, 10 }, bits =>
        {
            // One source, split and cropped to each size, each branch its own libaom encoder.
            var graph = new List<string> { $"[0]format={(bits == 8 ? "yuv420p" : "yuv420p10le")},split={s_widths.Length}" + string.Concat(s_widths.Select(w => $"[s{w}]")) };
            graph.AddRange(s_widths.Select(w => $"[s{w}]crop={w}:{HeightOf(w)}:0:0:exact=1[o{w}]"));
            var arguments = new List<string> { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=4096x16:rate=30", "-filter_complex", string.Join(';', graph) };
            foreach (int w in s_widths)
                arguments.AddRange(["-map", $"[o{w}]", "-frames:v", $"{Frames}", "-c:v", "libaom-av1", "-cpu-used", "8", "-f", "ivf", Stream(w, bits)]);
            ExternalTool.Outcome encoded = ExternalTool.RunWithTimeout(TimeSpan.FromSeconds(300), ffmpeg, [.. arguments]);
            Assert.That(encoded.ExitCode, Is.Zero, $"ffmpeg {string.Join(' ', arguments)}: {encoded}");
        });
        Parallel.ForEach(s_widths.SelectMany(w => new[] { Stream(w, 8), Stream(w, 10) }), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, path =>
        {
            ExternalTool.Outcome decoded = ExternalTool.Run(dav1d, "-q", "-i", path, "-o", path + ".yuv");
            Assert.That(decoded.ExitCode, Is.Zero, $"dav1d {path}: {decoded}");
        });
        Assert.That(ReelContext.Create(new ContextOptions { Name = "widths" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        _context = context!;
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        ReelContext.Destroy(_context.Handle, "test");
        _directory.Dispose();
    }

    [TestCaseSource(nameof(Cases))]
    public unsafe void Decode_Width_MatchesDav1dTool(int width, int bits)
    {
        int height = HeightOf(width);
        int bytesPerSample = bits > 8 ? 2 : 1;
        byte[] expected = File.ReadAllBytes(Stream(width, bits) + ".yuv");
        int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2;
        int frameBytes = (width * height + 2 * chromaWidth * chromaHeight) * bytesPerSample;
        Assert.That(expected, Has.Length.EqualTo(Frames * frameBytes), "the dav1d tool's output");

        var options = new DecoderSessionOptions { Settings = new DecoderSettings(), Backend = CodecBackend.Software, Name = $"w{width}" };
        Assert.That(DecoderSession.Create(_context, options, "test", out DecoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var frames = new List<Handle>();
        try
        {
            Assert.That(IvfReader.Open(Stream(width, bits), "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            using (reader)
            {
                while (reader!.ReadFrame("test", out IvfFrame packet) == ReelResult.Success)
                {
                    ReelResult sent;
                    while ((sent = session!.Submit(packet.Span, packet.Pts, "test")) == ReelResult.NotReady)
                        Receive(session, frames);
                    Assert.That(sent, Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    Receive(session, frames);
                }
            }
            Assert.That(session!.Flush("test"), Is.EqualTo(ReelResult.Success));
            ReelResult last = Receive(session, frames);
            Assert.That(last, Is.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
            Assert.That(frames, Has.Count.EqualTo(Frames));

            for (int f = 0; f < frames.Count; f++)
            {
                Assert.That(Buffers.GetFrame(frames[f], "test", out FrameView view), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Assert.That(view.Layout.Format, Is.EqualTo(bits == 8 ? PixelFormat.I420 : PixelFormat.I010));
                Assert.That((view.Layout.Width, view.Layout.Height), Is.EqualTo(((uint)width, (uint)height)));
                int offset = f * frameBytes;
                (int Columns, int Rows)[] planes = [(width, height), (chromaWidth, chromaHeight), (chromaWidth, chromaHeight)];
                for (int p = 0; p < planes.Length; p++)
                {
                    PlaneLayout plane = view.Layout.Plane(p);
                    int rowBytes = planes[p].Columns * bytesPerSample;
                    for (int row = 0; row < planes[p].Rows; row++)
                    {
                        var actual = new ReadOnlySpan<byte>((byte*)view.Memory + (long)plane.Offset + (long)row * plane.Stride, rowBytes);
                        ReadOnlySpan<byte> reference = expected.AsSpan(offset, rowBytes);
                        if (!actual.SequenceEqual(reference))
                            Assert.Fail($"frame {f} plane {p} row {row} differs from the dav1d tool's output (stride {plane.Stride})");
                        offset += rowBytes;
                    }
                }
            }
        }
        finally
        {
            foreach (Handle frame in frames)
                Buffers.Release(frame, "test");
            DecoderSession.Destroy(session!.Handle, "test");
        }
    }

    /// <summary>Takes every frame ready; fails the test on an error (NotReady and EndOfStream come back).</summary>
    private static ReelResult Receive(DecoderSession session, List<Handle> frames)
    {
        ReelResult result;
        while ((result = session.Receive("test", out Handle frame)) == ReelResult.Success)
            frames.Add(frame);
        Assert.That(result, Is.EqualTo(ReelResult.NotReady).Or.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
        return result;
    }
}
