using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Containers;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.Encoders;

/// <summary>The encoder's stream protocol, its guards and its failure modes, against the real SVT-AV1.</summary>
public unsafe class SvtAv1EncoderTests
{
    /// <summary>Generous bound for calls that must "return promptly" (a hang would last forever).</summary>
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(10);

    [Test]
    public void Flush_ZeroFrames_ReturnsPromptlyWithNoPackets()
    {
        Assert.That(SvtAv1Encoder.Create(Av1RoundTrip.Small(RateControlMode.Crf, 1920, 1080), "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var clock = Stopwatch.StartNew();
        ReelResult flushed = ReelResult.ErrorInternal;
        ReelResult received = ReelResult.ErrorInternal;
        bool finished = Task.Run(() =>
        {
            flushed = encoder!.Flush("test");
            received = encoder.ReceivePacket("test", out _);
            encoder.Dispose();
        }).Wait(s_prompt);
        TestContext.Out.WriteLine($"zero-frame flush and dispose at 1920x1080: {clock.ElapsedMilliseconds} ms");
        Assert.That(finished, Is.True, "a zero-frame encode must not hang");
        Assert.That(flushed, Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(received, Is.EqualTo(ReelResult.NotReady));
        Assert.That(encoder!.PacketsReceived, Is.Zero, "the hidden frame's packet is discarded");
    }

    [Test]
    public void Dispose_ZeroFramesWithoutFlush_ReturnsPromptly()
    {
        Assert.That(SvtAv1Encoder.Create(Av1RoundTrip.Small(RateControlMode.Cbr), "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(Task.Run(() => encoder!.Dispose()).Wait(s_prompt), Is.True, "disposing an encoder that never got a frame must not hang");
    }

    [Test]
    public void Dispose_MidStreamWithoutFlush_ReturnsPromptly()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Vbr);
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (buffer)
        {
            for (int i = 0; i < 12; i++)
            {
                TestPattern.Fill(buffer!.Frame, i);
                Assert.That(encoder!.SendFrame(buffer.Frame, i, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            }
        }
        Assert.That(encoder!.QueuedPackets + encoder.PacketsReceived, Is.LessThan(12), "look-ahead holds frames back until the flush");
        Assert.That(Task.Run(() => encoder.Dispose()).Wait(s_prompt), Is.True);
    }

    [Test]
    public void ReceivePacket_BeforeAnySubmit_FailsWithInvalidState()
    {
        Assert.That(SvtAv1Encoder.Create(Av1RoundTrip.Small(RateControlMode.Crf), "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success));
        using (encoder)
        {
            Assert.That(encoder!.ReceivePacket("test", out EncodedPacket packet), Is.EqualTo(ReelResult.ErrorBadState));
            Assert.That(LastError.Message, Is.EqualTo("test: no frame was submitted; submit a frame (or flush) first"));
            Assert.That(packet.Size, Is.Zero);
        }
    }

    [Test]
    public void SendFrame_AfterFlush_FailsAndTheStreamStaysIntact()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Cqp);
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success));
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (encoder)
        using (buffer)
        {
            TestPattern.Fill(buffer!.Frame, 0);
            Assert.That(encoder!.SendFrame(buffer.Frame, 0, false, "test"), Is.EqualTo(ReelResult.Success));
            Assert.That(encoder.Flush("test"), Is.EqualTo(ReelResult.Success));
            Assert.That(encoder.SendFrame(buffer.Frame, 1, false, "test"), Is.EqualTo(ReelResult.ErrorBadState));
            Assert.That(LastError.Message, Does.Contain("the encoder was flushed; no frame can follow the end of the stream"));
            Assert.That(encoder.Flush("test"), Is.EqualTo(ReelResult.Success), "a second flush does nothing");
            Assert.That(encoder.ReceivePacket("test", out EncodedPacket packet), Is.EqualTo(ReelResult.Success));
            Assert.That((packet.Pts, packet.IsKeyframe), Is.EqualTo((0L, true)));
            Assert.That(encoder.ReceivePacket("test", out _), Is.EqualTo(ReelResult.NotReady));
            Assert.That(encoder.IsEndOfStream, Is.True);
        }
    }

    [Test]
    public void SendFrame_BadFrames_FailNamingTheProblem()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success));
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (encoder)
        using (buffer)
        {
            I420Frame good = buffer!.Frame;
            var wrongSize = new I420Frame(318, 240, good.Y, good.YStride, good.U, good.UStride, good.V, good.VStride);
            var nullPlane = new I420Frame(320, 240, good.Y, good.YStride, null, good.UStride, good.V, good.VStride);
            var shortStride = new I420Frame(320, 240, good.Y, 300, good.U, good.UStride, good.V, good.VStride);
            var shortChroma = new I420Frame(320, 240, good.Y, good.YStride, good.U, good.UStride, good.V, 100);
            Assert.That(encoder!.SendFrame(wrongSize, 0, false, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame is 318x240; expected 320x240"));
            Assert.That(encoder.SendFrame(nullPlane, 0, false, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame plane u is NULL"));
            Assert.That(encoder.SendFrame(shortStride, 0, false, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame y_stride is 300; allowed 320 (the width) or more"));
            Assert.That(encoder.SendFrame(shortChroma, 0, false, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: frame v_stride is 100; allowed 160 (ceil(width / 2)) or more"));
            Assert.That(encoder.FramesSubmitted, Is.Zero);

            Assert.That(encoder.SendFrame(good, 5, false, "test"), Is.EqualTo(ReelResult.Success));
            Assert.That(encoder.SendFrame(good, 5, false, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: pts is 5; allowed values above the previous frame's pts 5"));
        }
    }

    [Test]
    public void SendFrame_ForceKeyframeWithVbr_FailsAsUnsupported()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Vbr);
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success));
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (encoder)
        using (buffer)
        {
            Assert.That(encoder!.SendFrame(buffer!.Frame, 0, forceKeyframe: true, "test"), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Is.EqualTo("test: force_keyframe with rate_control REEL_RATE_CONTROL_VBR; SVT-AV1 forces keyframes only with REEL_RATE_CONTROL_CRF and REEL_RATE_CONTROL_CQP"));
        }
    }

    [TestCase(RateControlMode.Cqp)]
    [TestCase(RateControlMode.Crf)]
    public void SendFrame_ForceKeyframe_MakesThatFrameAKeyframe(RateControlMode mode)
    {
        List<Packet> packets = Av1RoundTrip.Encode(Av1RoundTrip.Small(mode), 16, forceKeyframe: i => i == 11);
        Assert.That(packets.Where(p => p.IsKeyframe).Select(p => p.Pts), Is.EqualTo(new[] { 0L, 11L }));
        List<DecodedFrame> frames = Av1RoundTrip.Decode(packets, new NativePictureAllocator());
        Assert.That(frames.Where(f => f.IsKeyframe).Select(f => f.Pts), Is.EqualTo(new[] { 0L, 11L }), "dav1d sees key frames there too");
    }

    [Test]
    public void KeyframeInterval_Ten_PutsKeyframesEveryTenFrames()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        settings.KeyframeInterval = 10;
        List<Packet> packets = Av1RoundTrip.Encode(settings, 25);
        Assert.That(packets.Where(p => p.IsKeyframe).Select(p => p.Pts), Is.EqualTo(new[] { 0L, 10L, 20L }));
    }

    [Test]
    public void SendFrame_PaddedStrides_EncodeTheVisiblePixelsOnly()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Cqp);
        const int yStride = 448, cStride = 256;
        int chromaHeight = (int)settings.Height / 2;
        nuint size = (nuint)(yStride * settings.Height + 2 * cStride * chromaHeight);
        byte* memory = (byte*)NativeMemory.Alloc(size);
        try
        {
            // Garbage in the padding must not reach the picture.
            new Span<byte>(memory, (int)size).Fill(0xEE);
            var frame = new I420Frame((int)settings.Width, (int)settings.Height, memory, yStride,
                memory + yStride * settings.Height, cStride, memory + yStride * settings.Height + cStride * chromaHeight, cStride);
            Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success));
            var packets = new List<Packet>();
            using (encoder)
            {
                for (int i = 0; i < 6; i++)
                {
                    TestPattern.Fill(frame, i);
                    Assert.That(encoder!.SendFrame(frame, i, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                }
                Assert.That(encoder!.Flush("test"), Is.EqualTo(ReelResult.Success));
                while (encoder.ReceivePacket("test", out EncodedPacket packet) == ReelResult.Success)
                    packets.Add(new Packet(packet.Span.ToArray(), packet.Pts, packet.Dts, packet.IsKeyframe));
            }
            List<DecodedFrame> frames = Av1RoundTrip.Decode(packets, new NativePictureAllocator());
            Assert.That(frames, Has.Count.EqualTo(6));
            Assert.That(frames.Min(f => f.LumaPsnr), Is.GreaterThan(35));
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }

    [Test]
    public void Create_Bt709Color_IsSignalledInTheStream()
    {
        using var directory = new TempDirectory();
        string path = directory.File("bt709.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        settings.Color = ColorDescription.Bt709Limited;
        Assert.That(IvfWriter.Create(path, (int)settings.Width, (int)settings.Height, 1, 30, "test", out IvfWriter? ivf), Is.EqualTo(ReelResult.Success));
        using (ivf)
        {
            Av1RoundTrip.Encode(settings, 3, ivf);
            Assert.That(ivf!.End("test"), Is.EqualTo(ReelResult.Success));
        }
        ExternalTool.Outcome probe = ExternalTool.Run(ExternalTool.Require("ffprobe"), "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=color_range,color_space,color_transfer,color_primaries", "-of", "default=noprint_wrappers=1", path);
        Assert.That(probe.ExitCode, Is.Zero, probe.ToString());
        Assert.That(probe.Output, Does.Contain("color_range=tv").And.Contain("color_space=bt709")
            .And.Contain("color_transfer=bt709").And.Contain("color_primaries=bt709"));
    }

    [Test]
    public void Create_MissingLibrary_FailsAsUnsupportedNamingIt()
    {
        ReelResult result = SvtAv1Encoder.Create(Av1RoundTrip.Small(RateControlMode.Crf), "libSvtAv1Enc-reel-missing.so.1", "test", out SvtAv1Encoder? encoder);
        Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(encoder, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("test: SVT-AV1 encoder unavailable: libSvtAv1Enc-reel-missing.so.1 could not be loaded"));
    }

    [Test]
    public void IsAvailable_InstalledLibrary_IsTrue()
    {
        Assert.That(SvtAv1Encoder.IsAvailable(out string reason), Is.True, reason);
        Assert.That(reason, Is.Empty);
        Assert.That(SvtAv1Encoder.LibraryVersion, Is.EqualTo("1.4.1"));
    }

    [TestCase("v1.4.1", true)]
    [TestCase("1.4.1", true)]
    [TestCase("v1.4.0", false)]
    [TestCase("v1.5.0", false)]
    [TestCase("v2.3.0", false)]
    [TestCase("", false)]
    public void CheckVersion_OnlyTestedVersionsPass(string reported, bool accepted)
    {
        string? refusal = SvtAv1Library.CheckVersion("libSvtAv1Enc.so.1", reported);
        Assert.That(refusal is null, Is.EqualTo(accepted), refusal);
        if (!accepted)
            Assert.That(refusal, Does.Contain($"reports version \"{reported}\"; Reel is tested with SVT-AV1 1.4.1 only"));
    }
}
