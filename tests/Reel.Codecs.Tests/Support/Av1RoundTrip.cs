using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Dav1d;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Containers;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Errors;

namespace Reel.Codecs.Tests.Support;

/// <summary>A copy of an encoded packet, kept after the encoder moved on.</summary>
internal sealed record Packet(byte[] Data, long Pts, long Dts, bool IsKeyframe);

/// <summary>A decoded picture's facts, measured against the test pattern frame of its pts.</summary>
internal sealed record DecodedFrame(long Pts, double LumaPsnr, bool IsKeyframe, int Width, int Height, PixelLayout Layout, int BitDepth);

/// <summary>Encodes the test pattern with SVT-AV1 and decodes it back with dav1d.</summary>
internal static unsafe class Av1RoundTrip
{
    /// <summary>Settings for a small, fast test encode.</summary>
    public static EncoderSettings Small(RateControlMode mode, int width = 320, int height = 240)
    {
        var settings = new EncoderSettings
        {
            Width = (uint)width,
            Height = (uint)height,
            FpsNumerator = 30,
            FpsDenominator = 1,
            RateControl = mode,
            Preset = EncoderPreset.Low,
            Quality = 60,
        };
        if (mode is RateControlMode.Vbr or RateControlMode.Cbr)
            settings.TargetBitrate = 600_000;
        return settings;
    }

    /// <summary>
    /// Encodes <paramref name="frameCount"/> pattern frames (pts = index), receiving packets
    /// after every send and after the flush; optionally writes each packet to
    /// <paramref name="ivf"/> as it comes. Fails the test on any error.
    /// </summary>
    public static List<Packet> Encode(EncoderSettings settings, int frameCount, IvfWriter? ivf = null, Func<int, bool>? forceKeyframe = null)
    {
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        var packets = new List<Packet>();
        using (encoder)
        using (buffer)
        {
            for (int i = 0; i < frameCount; i++)
            {
                TestPattern.Fill(buffer!.Frame, i);
                Assert.That(encoder!.SendFrame(buffer.Frame, i, forceKeyframe?.Invoke(i) ?? false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Drain(encoder, packets, ivf);
            }
            Assert.That(encoder!.Flush("test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Drain(encoder, packets, ivf);
            Assert.That(encoder.IsEndOfStream, Is.True, "after the flush every packet came out");
            Assert.That(encoder.PacketsReceived, Is.EqualTo(packets.Count));
        }
        return packets;
    }

    private static void Drain(SvtAv1Encoder encoder, List<Packet> packets, IvfWriter? ivf)
    {
        ReelResult result;
        while ((result = encoder.ReceivePacket("test", out EncodedPacket packet)) == ReelResult.Success)
        {
            packets.Add(new Packet(packet.Span.ToArray(), packet.Pts, packet.Dts, packet.IsKeyframe));
            if (ivf is not null)
                Assert.That(ivf.WriteFrame(packet.Span, packet.Pts, "test", "data"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        }
        Assert.That(result, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
    }

    /// <summary>
    /// Decodes <paramref name="packets"/> with dav1d into <paramref name="allocator"/>'s memory
    /// and measures each picture's luma PSNR against the pattern frame of its pts.
    /// </summary>
    public static List<DecodedFrame> Decode(IEnumerable<Packet> packets, IPictureAllocator allocator, DecoderSettings? settings = null)
    {
        Assert.That(Dav1dDecoder.Create(settings ?? new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (decoder)
            return DecodeWith(decoder!, packets);
    }

    /// <summary>Sends every packet (resending after NotReady), flushes, and measures every picture.</summary>
    public static List<DecodedFrame> DecodeWith(Dav1dDecoder decoder, IEnumerable<Packet> packets)
    {
        var frames = new List<DecodedFrame>();
        foreach (Packet packet in packets)
        {
            ReelResult sent;
            while ((sent = decoder.SendData(packet.Data, packet.Pts, "test")) == ReelResult.NotReady)
                TakePictures(decoder, frames);
            Assert.That(sent, Is.EqualTo(ReelResult.Success), () => LastError.Message);
            TakePictures(decoder, frames);
        }
        Assert.That(decoder.Flush(), Is.EqualTo(ReelResult.Success));
        TakePictures(decoder, frames);
        Assert.That(decoder.IsEndOfStream, Is.True);
        return frames;
    }

    private static void TakePictures(Dav1dDecoder decoder, List<DecodedFrame> frames)
    {
        ReelResult result;
        while ((result = decoder.GetPicture("test", out DecodedPicture picture)) == ReelResult.Success)
        {
            frames.Add(Measure(picture));
            Dav1dDecoder.ReleasePicture(ref picture);
        }
        Assert.That(result, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
    }

    /// <summary>Luma PSNR of a decoded 8-bit picture against the pattern frame of its pts.</summary>
    public static DecodedFrame Measure(in DecodedPicture picture)
    {
        Assert.That(I420Buffer.Create(picture.Width, picture.Height, "test", out I420Buffer? source), Is.EqualTo(ReelResult.Success));
        using (source)
        {
            TestPattern.Fill(source!.Frame, (int)picture.Pts);
            double psnr = Psnr.Plane(source.Frame.Y, source.Frame.YStride, picture.Y, picture.LumaStride, picture.Width, picture.Height);
            return new DecodedFrame(picture.Pts, psnr, picture.IsKeyframe, picture.Width, picture.Height, picture.Layout, picture.BitDepth);
        }
    }
}
