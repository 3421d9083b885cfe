using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.FFmpeg.Codecs;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>One packet as the encoder gave it (bytes copied out).</summary>
internal sealed record H26xPacket(byte[] Data, long Pts, long Dts, bool IsKeyframe);

/// <summary>One decoded frame: its size, pts, luma PSNR against the test pattern and the MD5 of its packed planes (ffmpeg's framemd5).</summary>
internal sealed record H26xFrame(int Width, int Height, long Pts, double LumaPsnr, string Md5, bool Pooled);

/// <summary>
/// Drives the FFmpeg backend's encoder and decoder factories directly, with frames from Reel
/// frame pools: the encoder reads pooled frames (no copy), the decoder writes into pools.
/// </summary>
internal static unsafe class H26xHarness
{
    /// <summary>A context for one test (dispose destroys it).</summary>
    public static ContextScope Context()
    {
        Assert.That(ReelContext.Create(new ContextOptions { Name = "ffcodecs" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return new ContextScope(context!);
    }

    /// <summary>Small, fast settings for <paramref name="codec"/> in <paramref name="mode"/>.</summary>
    public static EncoderSettings Settings(VideoCodec codec, RateControlMode mode, uint width = 320, uint height = 240) => new()
    {
        Codec = codec,
        Width = width,
        Height = height,
        RateControl = mode,
        Quality = 60,
        TargetBitrate = mode is RateControlMode.Vbr or RateControlMode.Cbr ? 600_000UL : 0UL,
        Preset = EncoderPreset.Low,
        KeyframeInterval = 10,
    };

    /// <summary>The software factory of <paramref name="codec"/> (libx264, libx265).</summary>
    public static FFmpegEncoderFactory Encoder(VideoCodec codec) => new(codec, codec == VideoCodec.H264 ? "libx264" : "libx265", CodecBackend.Software);

    /// <summary>The software decoder factory of <paramref name="codec"/>.</summary>
    public static FFmpegDecoderFactory Decoder(VideoCodec codec) => new(codec, codec switch
    {
        VideoCodec.H264 => "h264",
        VideoCodec.Hevc => "hevc",
        VideoCodec.Vp9 => "vp9",
        _ => "libdav1d",
    }, CodecBackend.Software);

    /// <summary>A frame pool of I420 frames of the settings' size holding at most <paramref name="max"/> (FAIL when empty: a frame the encoder never gave back fails the test).</summary>
    public static FramePool FramePool(ReelContext context, uint width, uint height, uint max)
    {
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, (uint)width, (uint)height, 64, 0, 1, "", out FrameLayout? layout), Is.EqualTo(ReelResult.Success));
        Assert.That(PoolConfig.TryCreate(0, max, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0, 0, PoolFlags.None, max, "", out PoolConfig? config),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(Reel.Pools.FramePool.Create(context, "source frames", layout!, config!, "test", out FramePool? pool), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        return pool!;
    }

    /// <summary>The planes of pooled frame <paramref name="buffer"/>.</summary>
    public static I420Frame Planes(Handle buffer)
    {
        Assert.That(Buffers.GetFrame(buffer, "test", out FrameView view), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        FrameLayout l = view.Layout;
        byte* m = (byte*)view.Memory;
        return new I420Frame((int)l.Width, (int)l.Height, m + l.Plane(0).Offset, (int)l.Plane(0).Stride,
            m + l.Plane(1).Offset, (int)l.Plane(1).Stride, m + l.Plane(2).Offset, (int)l.Plane(2).Stride);
    }

    /// <summary>
    /// Encodes <paramref name="frames"/> test-pattern frames taken from a pool of 3 frames
    /// (so every frame must come back from the codec for the next to be taken) and drains.
    /// </summary>
    public static List<H26xPacket> Encode(ReelContext context, IEncoder encoder, EncoderSettings settings, int frames)
    {
        var packets = new List<H26xPacket>();
        FramePool pool = FramePool(context, settings.Width, settings.Height, 3);
        try
        {
            for (int i = 0; i < frames; i++)
            {
                Assert.That(pool.Acquire("test", out Handle buffer), Is.EqualTo(ReelResult.Success), () => $"frame {i}: {LastError.Message}");
                I420Frame planes = Planes(buffer);
                TestPattern.Fill(planes, i);
                ReelResult sent = encoder.SendFrame(FrameRef.Cpu(planes, buffer), i, false, "test");
                Buffers.Release(buffer, "test");
                Assert.That(sent, Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Drain(encoder, packets);
            }
            Assert.That(encoder.Flush("test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Drain(encoder, packets);
            Assert.That(encoder.IsEndOfStream, Is.True);
            Assert.That(pool.InUse, Is.Zero, "every source frame went back to its pool: the encoder let go of each");
        }
        finally
        {
            Reel.Pools.Pool.Destroy(pool.Handle, "test");
        }
        return packets;
    }

    private static void Drain(IEncoder encoder, List<H26xPacket> packets)
    {
        ReelResult r;
        while ((r = encoder.ReceivePacket("test", out EncodedPacket packet)) == ReelResult.Success)
            packets.Add(new H26xPacket(packet.Span.ToArray(), packet.Pts, packet.Dts, packet.IsKeyframe));
        Assert.That(r, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
    }

    /// <summary>Writes the packets as one Annex B elementary stream.</summary>
    public static void WriteStream(string path, IEnumerable<H26xPacket> packets)
    {
        using var file = File.Create(path);
        foreach (H26xPacket packet in packets)
            file.Write(packet.Data);
    }

    /// <summary>
    /// Decodes <paramref name="packets"/> (pts = frame index) and measures every frame against
    /// the test pattern; each frame is released after measuring. <paramref name="measure"/>
    /// false skips the PSNR (streams not made from the pattern).
    /// </summary>
    public static List<H26xFrame> Decode(IDecoder decoder, IEnumerable<(byte[] Data, long Pts)> packets, bool measure = true)
    {
        var frames = new List<H26xFrame>();
        foreach ((byte[] data, long pts) in packets)
        {
            ReelResult r;
            while ((r = decoder.Send(data, pts, "test")) == ReelResult.NotReady)
                Receive(decoder, frames, measure);
            Assert.That(r, Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Receive(decoder, frames, measure);
        }
        Assert.That(decoder.Flush("test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(Receive(decoder, frames, measure), Is.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
        return frames;
    }

    /// <summary>Takes every frame ready now; returns what ended the loop.</summary>
    public static ReelResult Receive(IDecoder decoder, List<H26xFrame> frames, bool measure)
    {
        ReelResult r;
        while ((r = decoder.Receive("test", out FrameRef frame)) == ReelResult.Success)
        {
            Assert.That(Buffers.GetFrame(frame.Buffer, "test", out FrameView view), Is.EqualTo(ReelResult.Success));
            I420Frame planes = Planes(frame.Buffer);
            double psnr = measure ? LumaPsnr(planes, (int)view.Pts) : 0;
            frames.Add(new H26xFrame(planes.Width, planes.Height, view.Pts, psnr, Md5(planes), !frame.Buffer.IsNull));
            Buffers.Release(frame.Buffer, "test");
        }
        return r;
    }

    /// <summary>Luma PSNR of <paramref name="decoded"/> against pattern frame <paramref name="index"/>.</summary>
    public static double LumaPsnr(in I420Frame decoded, int index)
    {
        int w = decoded.Width, h = decoded.Height;
        int cw = (w + 1) / 2, ch = (h + 1) / 2;
        byte[] reference = new byte[w * h + 2 * cw * ch];
        fixed (byte* r = reference)
        {
            var source = new I420Frame(w, h, r, w, r + w * h, cw, r + w * h + cw * ch, cw);
            TestPattern.Fill(source, index);
            return Psnr.Plane(r, w, decoded.Y, decoded.YStride, w, h);
        }
    }

    /// <summary>MD5 of the packed Y, U and V planes, as ffmpeg's framemd5 muxer hashes a yuv420p frame.</summary>
    public static string Md5(in I420Frame f)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        for (int y = 0; y < f.Height; y++)
            md5.AppendData(new ReadOnlySpan<byte>(f.Y + (long)y * f.YStride, f.Width));
        for (int y = 0; y < f.ChromaHeight; y++)
            md5.AppendData(new ReadOnlySpan<byte>(f.U + (long)y * f.UStride, f.ChromaWidth));
        for (int y = 0; y < f.ChromaHeight; y++)
            md5.AppendData(new ReadOnlySpan<byte>(f.V + (long)y * f.VStride, f.ChromaWidth));
        return Convert.ToHexString(md5.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Every video packet of <paramref name="path"/> through the shim's demuxer (libavformat's parser splits raw streams into access units); pts = index.</summary>
    public static List<(byte[] Data, long Pts)> Demux(string path)
    {
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        Assert.That(shim, Is.Not.Null, reason);
        var packets = new List<(byte[], long)>();
        byte[] name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        nint demuxer;
        fixed (byte* n = name)
            Assert.That(shim!.Demuxer.Open(n, &demuxer), Is.Zero, () => FFmpegShim.Text(shim.Errors.LastError()));
        try
        {
            while (true)
            {
                int stream, size, flags;
                byte* data;
                long pts, dts, duration;
                int err = shim.Demuxer.ReadPacket(demuxer, &stream, &data, &size, &pts, &dts, &duration, &flags);
                if (err == ShimConstants.ErrorEof)
                    break;
                Assert.That(err, Is.Zero, () => FFmpegShim.Text(shim.Errors.LastError()));
                packets.Add((new ReadOnlySpan<byte>(data, size).ToArray(), packets.Count));
            }
        }
        finally
        {
            shim.Demuxer.Destroy(demuxer);
        }
        return packets;
    }

    /// <summary>ffmpeg's framemd5 of every decoded frame of <paramref name="path"/> (yuv420p), in output order.</summary>
    public static List<string> FfmpegFrameMd5(string path)
    {
        ExternalTool.Outcome outcome = ExternalTool.Run(ExternalTool.Require("ffmpeg"), "-v", "error", "-threads", "1", "-i", path,
            "-pix_fmt", "yuv420p", "-f", "framemd5", "-");
        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        var sums = new List<string>();
        foreach (string line in outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
                continue;
            string[] fields = line.Split(',');
            sums.Add(fields[^1].Trim());
        }
        return sums;
    }

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (making test media); fails the test on error.</summary>
    public static void Ffmpeg(params string[] arguments)
    {
        var all = new List<string> { "-v", "error", "-y" };
        all.AddRange(arguments);
        ExternalTool.Outcome outcome = ExternalTool.Run(ExternalTool.Require("ffmpeg"), all.ToArray());
        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
    }
}
