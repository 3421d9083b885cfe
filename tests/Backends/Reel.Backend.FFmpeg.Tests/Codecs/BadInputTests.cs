using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.FFmpeg.Codecs;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Context;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>
/// What the FFmpeg codecs refuse, with the message naming the field and the limit, and
/// damaged streams: errors, never a crash, and no frame left held.
/// </summary>
public class BadInputTests
{
    [Test]
    public void EncoderTheBuildLacks_IsUnavailableWithTheShimsReason()
    {
        var factory = new FFmpegEncoderFactory(VideoCodec.H264, "libopenh264x", CodecBackend.Software);
        Assert.That(factory.IsAvailable(out string reason), Is.False);
        Assert.That(reason, Does.Contain("libopenh264x"));
        var decoder = new FFmpegDecoderFactory(VideoCodec.H264, "h264_nonexistent", CodecBackend.Software);
        Assert.That(decoder.IsAvailable(out reason), Is.False);
        Assert.That(reason, Does.Contain("h264_nonexistent"));
    }

    [TestCase(VideoCodec.H264, 88u, "profile_idc is 88")]
    [TestCase(VideoCodec.Hevc, 2u, "profile_idc is 2")] // main 10 needs 10-bit input
    public void ProfileTheEncoderCannotCode_IsRefusedNamingIt(VideoCodec codec, uint profileIdc, string expected)
    {
        EncoderSettings settings = H26xHarness.Settings(codec, RateControlMode.Crf);
        settings.ProfileIdc = profileIdc;
        Assert.That(H26xHarness.Encoder(codec).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("desc->" + expected));
    }

    [TestCase(VideoCodec.H264, 35u)]
    [TestCase(VideoCodec.Hevc, 11u)]
    [TestCase(VideoCodec.H264, 73u)]
    public void LevelTheCodecDoesNotDefine_IsRefusedWithTheList(VideoCodec codec, uint level)
    {
        EncoderSettings settings = H26xHarness.Settings(codec, RateControlMode.Crf);
        settings.Level = level;
        Assert.That(H26xHarness.Encoder(codec).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain($"desc->level is {level}"));
        Assert.That(LastError.Message, Does.Contain(codec == VideoCodec.H264 ? "H.264 levels" : "HEVC levels"));
    }

    [Test]
    public void BaselineWithBFrames_IsRefused()
    {
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.H264, RateControlMode.Crf);
        settings.ProfileIdc = 66;
        settings.BFrames = 2;
        Assert.That(H26xHarness.Encoder(VideoCodec.H264).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("desc->max_b_frames is 2 with profile_idc 66"));
    }

    [TestCase(321u, 240u, "width is 321")]
    [TestCase(320u, 241u, "height is 241")]
    public void OddSizeFor420_IsRefused(uint width, uint height, string expected)
    {
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.H264, RateControlMode.Crf, width, height);
        Assert.That(H26xHarness.Encoder(VideoCodec.H264).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("desc->" + expected).And.Contain("even"));
    }

    [Test]
    public void Av1OnlySettings_AreRefusedForH264()
    {
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.Hevc, RateControlMode.Crf);
        settings.Cdef = FilterSwitch.On;
        Assert.That(H26xHarness.Encoder(VideoCodec.Hevc).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("desc->cdef"));
        settings = H26xHarness.Settings(VideoCodec.H264, RateControlMode.Crf);
        settings.TileColumnsLog2 = 1;
        Assert.That(H26xHarness.Encoder(VideoCodec.H264).Check(settings, "desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("desc->tile_columns_log2"));
    }

    [Test]
    public void LiveBitrateOnX265_IsRefusedWithTheReason()
    {
        EncoderSettings settings = H26xHarness.Settings(VideoCodec.Hevc, RateControlMode.Vbr);
        Assert.That(H26xHarness.Encoder(VideoCodec.Hevc).Create(settings, "test", out IEncoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (encoder)
        {
            var live = (ILiveBitrateEncoder)encoder!;
            Assert.That(live.CanChangeBitrate(out string reason), Is.False);
            Assert.That(live.ChangeBitrate(900_000, 0, 0, "test"), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Does.Contain("libx265").And.Contain(reason));
        }
    }

    [TestCase(VideoCodec.H264)]
    [TestCase(VideoCodec.Hevc)]
    public void CorruptStream_ErrorsOrConceals_NeverCrashes_LeavesNoFrameHeld(VideoCodec codec)
    {
        using ContextScope context = H26xHarness.Context();
        EncoderSettings settings = H26xHarness.Settings(codec, RateControlMode.Crf);
        Assert.That(H26xHarness.Encoder(codec).Create(settings, "test", out IEncoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        List<H26xPacket> packets;
        using (encoder)
            packets = H26xHarness.Encode(context, encoder!, settings, 20);

        var random = new Random(13);
        var damaged = new List<(byte[] Data, long Pts)>();
        foreach (H26xPacket packet in packets)
        {
            byte[] data = (byte[])packet.Data.Clone();
            int index = damaged.Count;
            if (index % 3 == 1)
            {
                // Overwrite bytes past the headers with noise.
                for (int i = data.Length / 3; i < data.Length; i += 7)
                    data[i] = (byte)random.Next(256);
            }
            else if (index % 5 == 2)
            {
                data = data[..(data.Length / 2)]; // truncated
            }
            damaged.Add((data, packet.Pts));
        }
        damaged.Insert(5, (Enumerable.Range(0, 500).Select(_ => (byte)random.Next(256)).ToArray(), 1000)); // pure garbage

        Assert.That(H26xHarness.Decoder(codec).Create(context, "corrupt", new DecoderSettings { Codec = codec, Threads = 2 }, 4, "test", out IDecoder? decoder),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var frames = new List<H26xFrame>();
        int corrupt = 0;
        using (decoder)
        {
            foreach ((byte[] data, long pts) in damaged)
            {
                ReelResult r;
                while ((r = decoder!.Send(data, pts, "test")) == ReelResult.NotReady)
                    Count(H26xHarness.Receive(decoder, frames, measure: false), ref corrupt);
                if (r == ReelResult.ErrorCorruptData)
                    corrupt++;
                else
                    Assert.That(r, Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Count(H26xHarness.Receive(decoder, frames, measure: false), ref corrupt);
            }
            decoder!.Flush("test");
            ReelResult end;
            while ((end = H26xHarness.Receive(decoder, frames, measure: false)) != ReelResult.EndOfStream)
                Assert.That(end, Is.EqualTo(ReelResult.ErrorCorruptData).Or.EqualTo(ReelResult.NotReady), () => LastError.Message);
            TestContext.Out.WriteLine($"{codec}: {frames.Count} frames out of {damaged.Count} damaged packets, {corrupt} corrupt-data errors");
            var decoderImpl = (FFmpegSessionDecoder)decoder;
            var stats = decoderImpl.ShimStats();
            Assert.That(decoder.FramePool?.InUse ?? 0, Is.EqualTo(stats.Allocations - stats.Releases), "the only frames out are those libavcodec still holds: none leaked");
        }
        Assert.That(frames, Is.Not.Empty, "the decoder recovered at the keyframes");
    }

    private static void Count(ReelResult result, ref int corrupt)
    {
        if (result == ReelResult.ErrorCorruptData)
            corrupt++;
        else
            Assert.That(result, Is.EqualTo(ReelResult.NotReady).Or.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
    }

    [Test]
    public void DecoderOptionsItCannotHonour_AreRefused()
    {
        using ContextScope context = H26xHarness.Context();
        Assert.That(H26xHarness.Decoder(VideoCodec.H264).Create(context, "x", new DecoderSettings { Codec = VideoCodec.H264, MaxFrameDelay = 1 }, 4, "test", out _),
            Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("desc->max_frame_delay is 1"));
    }
}
