using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Bindings.Tests.Objects;

/// <summary>
/// Encoder, decoder, IVF and Y4M files and the movie writer through the idiomatic layer: a
/// clip encoded with SVT-AV1, written, read back and decoded with dav1d; a recording from
/// raw RGBA; Y4M pictures written and read back byte for byte.
/// </summary>
public class SessionTests
{
    private const uint Width = 160;
    private const uint Height = 96;

    private ReelContext _context = null!;
    private string _directory = "";

    [SetUp]
    public void CreateContext()
    {
        _context = ReelContext.Create("sessions");
        _directory = Directory.CreateTempSubdirectory("reel-bindings-").FullName;
    }

    [TearDown]
    public void DestroyContext()
    {
        Assert.That(_context.GetMemory().buffers_out, Is.Zero, "every buffer went back");
        _context.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void CodecCaps_Software_CanEncodeAndDecode()
    {
        ReelCodecCaps caps = ReelLibrary.GetCodecCaps(reel_codec_backend_t.REEL_CODEC_BACKEND_SOFTWARE);
        Assert.That((caps.CanEncode, caps.CanDecode), Is.EqualTo((true, true)), $"{caps.Encoder}; {caps.Decoder}");
        Assert.That(caps.Encoder, Does.StartWith("SVT-AV1"));
        Assert.That(caps.Decoder, Does.StartWith("dav1d"));
    }

    [Test]
    public void Encoder_BadSettings_ThrowNamingTheField()
    {
        var error = Assert.Throws<ReelException>(() => ReelEncoder.Create(_context, ReelEncoder.DefaultSettings(70000, 96)))!;
        Assert.That(error.ReelMessage, Does.Contain("desc->width is 70000"));
    }

    [Test]
    public void EncodeWriteReadDecode_TenFramesRoundTrip()
    {
        string path = Path.Combine(_directory, "clip.ivf");
        const int frames = 10;
        reel_encoder_desc_t settings = ReelEncoder.DefaultSettings(Width, Height, fpsNum: 25);
        settings.preset = reel_encoder_preset_t.REEL_ENCODER_PRESET_LOW;
        using (var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, Width, Height))
        using (var encoder = ReelEncoder.Create(_context, settings))
        using (var file = IvfWriter.Create(_context, path, Width, Height, 25))
        {
            for (int i = 0; i < frames; i++)
            {
                using ReelBuffer frame = pool.Acquire();
                Paint(frame.GetFrame(), i);
                frame.Pts = i;
                Assert.That(encoder.Submit(frame, keyframe: i == 0, timeoutMs: ReelLibrary.WaitForever), Is.True);
            }
            encoder.Flush();
            int packets = 0;
            reel_result_t status;
            while ((status = encoder.Receive(ReelLibrary.WaitForever, out ReelBuffer? packet)) == reel_result_t.REEL_SUCCESS)
            {
                using (packet)
                {
                    Assert.That(packet!.GetBytes().Length, Is.GreaterThan(0));
                    if (packets == 0)
                        Assert.That(packet.IsKeyframe, Is.True);
                    file.Write(packet);
                    packets++;
                }
            }
            Assert.That(status, Is.EqualTo(reel_result_t.REEL_END_OF_STREAM));
            Assert.That(packets, Is.EqualTo(frames));
            Assert.That(encoder.GetStats().frames_out, Is.EqualTo((ulong)frames));
            Assert.That(file.Info.frame_count, Is.EqualTo((ulong)frames));
            file.Close();
        }

        var pts = new List<long>();
        using (var reader = IvfReader.Open(_context, path))
        using (var packets = ReelPool.CreateBytePool(_context))
        using (var decoder = ReelDecoder.Create(_context))
        {
            reel_media_info_t info = reader.Info;
            Assert.That((info.width, info.height, info.frame_count), Is.EqualTo((Width, Height, (ulong)frames)));
            while (reader.Read(packets) is { } packet)
            {
                using (packet)
                    Assert.That(decoder.SubmitPacket(packet), Is.True);
                Drain(decoder, pts);
            }
            decoder.Flush();
            Drain(decoder, pts);
            Assert.That(decoder.Receive(out ReelBuffer? none), Is.EqualTo(reel_result_t.REEL_END_OF_STREAM));
            Assert.That(none, Is.Null);
        }
        Assert.That(pts, Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
    }

    [Test]
    public void MovieWriter_RawRgba_RecordsEveryFrame()
    {
        string path = Path.Combine(_directory, "movie.ivf");
        reel_encoder_desc_t settings = ReelEncoder.DefaultSettings(128, 64, fpsNum: 30);
        settings.preset = reel_encoder_preset_t.REEL_ENCODER_PRESET_LOW;
        settings.color = reel_color_description_t.REEL_COLOR_BT709_LIMITED;
        byte[] rgba = new byte[128 * 64 * 4];
        reel_movie_writer_stats_t stats;
        using (var writer = ReelMovieWriter.Begin(_context, path, settings))
        {
            for (int frame = 0; frame < 6; frame++)
            {
                Array.Fill(rgba, (byte)(frame * 40));
                writer.WriteImage(rgba, reel_pixel_format_t.REEL_PIXEL_FORMAT_RGBA8, 128, 64);
            }
            Assert.Throws<ArgumentException>(() => writer.WriteImage(rgba.AsSpan(1), reel_pixel_format_t.REEL_PIXEL_FORMAT_RGBA8, 128, 64));
            stats = writer.End();
            Assert.Throws<ObjectDisposedException>(() => writer.GetStats());
        }
        Assert.That((stats.frames_written, stats.frames_encoded, stats.frames_converted), Is.EqualTo((6UL, 6UL, 6UL)));
        using var reader = IvfReader.Open(_context, path);
        Assert.That(reader.Info.frame_count, Is.EqualTo(6UL));
    }

    [Test]
    public void MovieWriter_UnwritablePath_ThrowsIoWithThePath()
    {
        string path = Path.Combine(_directory, "missing-folder", "movie.ivf");
        var error = Assert.Throws<ReelException>(() => ReelMovieWriter.Begin(_context, path, ReelEncoder.DefaultSettings(128, 64)))!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_ERROR_IO));
        Assert.That(error.ReelMessage, Does.Contain(path));
    }

    [Test]
    public void Y4m_WrittenPicturesReadBackByteForByte()
    {
        string path = Path.Combine(_directory, "pictures.y4m");
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 64, 48);
        using (var writer = Y4mWriter.Create(_context, path, 64, 48, 24))
        {
            for (int i = 0; i < 3; i++)
            {
                using ReelBuffer frame = pool.Acquire();
                Paint(frame.GetFrame(), i);
                writer.Write(frame);
            }
            Assert.That(writer.Info.frame_count, Is.EqualTo(3UL));
            writer.Close();
        }
        using var reader = Y4mReader.Open(_context, path);
        Assert.That(reader.Info.frame_count, Is.EqualTo(3UL));
        for (int i = 0; i < 3; i++)
        {
            using ReelBuffer frame = reader.Read(pool)!;
            Assert.That(frame.Pts, Is.EqualTo(i));
            ReelFrame planes = frame.GetFrame();
            Assert.That(planes.Row(0, 47, 64)[63], Is.EqualTo(Luma(i, 63, 47)));
            Assert.That(planes.Row(1, 23, 32)[0], Is.EqualTo((byte)(64 + i)));
        }
        Assert.That(reader.Read(pool), Is.Null, "the clean end of the file");
    }

    [Test]
    public void FrameCache_HostFed_MissRequestsAndInsertedFramesAreHits()
    {
        reel_frame_cache_desc_t settings = ReelFrameCache.DefaultSettings();
        settings.frame_count = 100;
        using var cache = ReelFrameCache.Create(_context, settings);
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 32, 32);
        Assert.That(cache.Get(7), Is.Null);
        Assert.That(cache.TryTakeRequest(out reel_frame_request_t request), Is.True);
        Assert.That((request.frame_number, request.is_demand), Is.EqualTo((7L, 1u)));
        using (ReelBuffer frame = pool.Acquire())
        {
            frame.Pts = 7;
            cache.Insert(7, frame);
        }
        // The same frame twice in a row is a paused playhead: a repeat, neither hit nor miss.
        using (ReelBuffer? repeat = cache.Get(7))
            Assert.That(repeat!.Pts, Is.EqualTo(7));
        Assert.That(cache.Get(6), Is.Null);
        using (ReelBuffer? hit = cache.Get(7))
            Assert.That(hit!.Pts, Is.EqualTo(7));
        reel_frame_cache_stats_t stats = cache.GetStats();
        Assert.That((stats.hits, stats.misses, stats.repeats, stats.inserts), Is.EqualTo((1UL, 2UL, 1UL, 1UL)));
        cache.Clear();
        Assert.That(pool.GetStats().in_use, Is.Zero, "cleared frames went back");
    }

    [Test]
    public void FrameCache_ForIvf_DecodesTheRequestedFrame()
    {
        string path = Path.Combine(_directory, "movie.ivf");
        reel_encoder_desc_t settings = ReelEncoder.DefaultSettings(128, 64, fpsNum: 30);
        settings.preset = reel_encoder_preset_t.REEL_ENCODER_PRESET_LOW;
        using (var writer = ReelMovieWriter.Begin(_context, path, settings))
        {
            byte[] rgba = new byte[128 * 64 * 4];
            for (int written = 0; written < 5; written++)
                writer.WriteImage(rgba, reel_pixel_format_t.REEL_PIXEL_FORMAT_BGRA8, 128, 64);
            writer.End();
        }
        using var cache = ReelFrameCache.CreateForIvf(_context, path);
        ReelBuffer? frame = null;
        for (int attempt = 0; attempt < 1000 && (frame = cache.Get(3)) is null; attempt++)
            System.Threading.Thread.Sleep(10);
        using (frame)
        {
            Assert.That(frame, Is.Not.Null, "Reel's decoder thread served the miss");
            Assert.That((frame!.Pts, frame.GetFrame().Width), Is.EqualTo((3L, 128)));
        }
    }

    private static void Drain(ReelDecoder decoder, List<long> pts)
    {
        while (decoder.Receive(out ReelBuffer? frame) == reel_result_t.REEL_SUCCESS)
        {
            using (frame)
            {
                ReelFrame planes = frame!.GetFrame();
                Assert.That((planes.Width, planes.Height, planes.Format), Is.EqualTo(((int)Width, (int)Height, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420)));
                pts.Add(frame.Pts);
            }
        }
    }

    private static byte Luma(int frame, int x, int y) => (byte)(x * 2 + y + frame * 16);

    private static void Paint(ReelFrame frame, int index)
    {
        for (int y = 0; y < frame.Height; y++)
        {
            Span<byte> row = frame.Row(0, y, frame.Width);
            for (int x = 0; x < row.Length; x++)
                row[x] = Luma(index, x, y);
        }
        for (int plane = 1; plane < 3; plane++)
        {
            for (int y = 0; y < (frame.Height + 1) / 2; y++)
                frame.Row(plane, y, (frame.Width + 1) / 2).Fill((byte)(64 * plane + index));
        }
    }
}
