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
using Reel.Containers;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Backend.FFmpeg.Tests.Containers;

/// <summary>
/// The frame cache's seeking decoder over MP4, WebM and Matroska: one real SVT-AV1 encode (a
/// keyframe every 12 frames) written to IVF and, packet for packet, into each container by
/// the FFmpeg backend; every frame reached through the container's index, in an order full of
/// backward jumps and jumps across GOPs, must equal the same frame of a sequential decode of
/// the IVF file.
/// </summary>
[TestFixture]
public sealed unsafe class ContainerSeekingTests
{
    private const int Width = 160;
    private const int Height = 96;
    private const int Frames = 60;
    private const int Gop = 12;

    private TempDirectory _dir = null!;
    private ReelContext _context = null!;
    private string _ivf = null!;
    private List<Packet> _packets = null!;
    private ulong[] _sequential = null!;

    [OneTimeSetUp]
    public void EncodeOnce()
    {
        _dir = new TempDirectory();
        Assert.That(ReelContext.Create(new ContextOptions { Name = "container seeking" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        _context = context!;
        _ivf = Path.Combine(_dir.Path, "clip.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf, Width, Height);
        settings.KeyframeInterval = Gop;
        Assert.That(IvfWriter.Create(_ivf, Width, Height, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (writer)
        {
            _packets = Av1RoundTrip.Encode(settings, Frames, writer);
            Assert.That(writer!.End("test"), Is.EqualTo(ReelResult.Success));
        }
        _sequential = new ulong[Frames];
        using SeekingDecoder decoder = Open(_ivf, file: false);
        for (int n = 0; n < Frames; n++)
            Assert.That(decoder.DecodeThrough(n, (number, frame) => _sequential[number] = Checksum(frame), "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(decoder.Seeks, Is.EqualTo(1L), "a sequential decode seeks once, to frame 0");
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        ReelContext.Destroy(_context.Handle, "test");
        _dir.Dispose();
    }

    [TestCase(ContainerFormat.Mp4, "mp4", true)]
    [TestCase(ContainerFormat.Mp4, "mp4", false)]
    [TestCase(ContainerFormat.Webm, "webm", false)]
    [TestCase(ContainerFormat.Matroska, "mkv", false)]
    public void EveryFrameThroughTheContainerIndex_EqualsTheSequentialDecode(ContainerFormat format, string extension, bool faststart)
    {
        string path = Mux(format, extension, faststart);
        using SeekingDecoder decoder = Open(path, file: true);
        Assert.That(decoder.FrameCount, Is.EqualTo(Frames), "frame count from the header, or (Matroska) from the last GOP");
        var seen = new ulong?[Frames];
        // Backward through the file (each request seeks back to its GOP), then forward jumps across GOPs.
        var order = new List<int>();
        for (int n = Frames - 1; n >= 0; n -= 5)
            order.Add(n);
        order.AddRange([0, 30, 11, 12, 47, 59, 1, 24, 23]);
        foreach (int target in order)
        {
            Assert.That(decoder.DecodeThrough(target, (number, frame) =>
            {
                ulong sum = Checksum(frame);
                Assert.That(sum, Is.EqualTo(_sequential[number]), $"{extension}: frame {number} (decoding towards {target}) differs from the sequential decode");
                seen[number] = sum;
            }, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(seen[target], Is.EqualTo(_sequential[target]), $"frame {target} came out");
        }
        Assert.That(decoder.Seeks, Is.GreaterThan(Frames / Gop), "the jumps went through the container's index");
        Assert.That(decoder.FramesDecoded, Is.LessThan((long)order.Count * Frames / 2), "each request decodes from the keyframe before it, never from frame 0");
    }

    [Test]
    public void UnknownExtension_IsAnInvalidArgumentNamingPathAndTheAllowedOnes()
    {
        string path = Path.Combine(_dir.Path, "clip.avi");
        File.Copy(_ivf, path, overwrite: true);
        Assert.That(SeekingDecoder.OpenFile(_context, path, "path", Options(), "reel_test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("reel_test: path ").And.Contain(".avi").And.Contain(ContainerFormats.KnownExtensions));
    }

    [Test]
    public void AnotherCodecThanTheDecoders_IsUnsupportedNamingBoth()
    {
        string path = Mux(ContainerFormat.Matroska, "mkv", false);
        DecoderSessionOptions h264 = Options();
        h264.Settings.Codec = VideoCodec.H264;
        Assert.That(SeekingDecoder.OpenFile(_context, path, "path", h264, "reel_test", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("av1").And.Contain("decoder_desc->codec"));
    }

    [Test]
    public void IvfByExtension_StillIndexesIvf()
    {
        using SeekingDecoder decoder = Open(_ivf, file: true);
        Assert.That(decoder.FrameCount, Is.EqualTo(Frames));
        Assert.That(decoder.DecodeThrough(Frames - 1, (number, frame) => Assert.That(Checksum(frame), Is.EqualTo(_sequential[number])), "test"), Is.EqualTo(ReelResult.Success));
    }

    private string Mux(ContainerFormat format, string extension, bool faststart)
    {
        string path = Path.Combine(_dir.Path, $"clip-{faststart}.{extension}");
        var settings = new MovieMuxerSettings(path, format, new VideoTrackSettings(VideoCodec.Av1, Width, Height, 30, 1), null, faststart, 1000);
        Assert.That(BackendRegistry.ContainerBackend!.CreateMovie(settings, "test", out IMovieMuxer? muxer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (muxer)
        {
            foreach (Packet p in _packets)
            {
                fixed (byte* data = p.Data)
                    Assert.That(muxer!.WriteVideo(new EncodedPacket(data, p.Data.Length, p.Pts, p.Dts, p.IsKeyframe), "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            }
            Assert.That(muxer!.End("test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        }
        return path;
    }

    private SeekingDecoder Open(string path, bool file)
    {
        ReelResult result = file
            ? SeekingDecoder.OpenFile(_context, path, "path", Options(), "test", out SeekingDecoder? decoder)
            : SeekingDecoder.OpenIvf(_context, path, Options(), "test", out decoder);
        Assert.That(result, Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return decoder!;
    }

    private static DecoderSessionOptions Options() => new()
    {
        Settings = new DecoderSettings { Threads = 2 },
        Backend = CodecBackend.Software,
        FramesHeld = 64,
        Name = "seek",
    };

    private static ulong Checksum(Handle frame) => FrameChecksum.Of(frame);
}
