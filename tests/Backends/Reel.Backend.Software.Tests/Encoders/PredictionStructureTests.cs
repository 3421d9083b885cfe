using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.Encoders;

/// <summary>
/// The memory and latency settings reach SVT-AV1 1.4.1 and do there what the header says,
/// seen in what comes out: the prediction structure in the temporal units (frames coded ahead
/// or not), the mini-GOP in the period of the units that code frames ahead, the look-ahead and
/// the mini-GOP in how many frames must be in before the first packet can come out. Every
/// check is structural: a packet the structure forbids never comes however long one waits,
/// and the waits for a packet the structure allows are long (seconds), so a loaded machine
/// slows these tests down but cannot fail them.
/// </summary>
public sealed class PredictionStructureTests
{
    /// <summary>How long to wait for a packet the structure allows (a 320x240 frame takes milliseconds).</summary>
    private static readonly TimeSpan s_allowedWait = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait to see that a packet the structure forbids does not come.</summary>
    private static readonly TimeSpan s_forbiddenWait = TimeSpan.FromSeconds(1);

    /// <summary>How long to give a frame's own packet before the next frame is sent (a late packet then counts one frame more, never less).</summary>
    private static readonly TimeSpan s_ownPacketWait = TimeSpan.FromMilliseconds(200);

    private static EncoderSettings LowDelay(RateControlMode mode)
    {
        EncoderSettings settings = Av1RoundTrip.Small(mode);
        settings.Prediction = PredictionStructure.LowDelay;
        return settings;
    }

    [TestCase(RateControlMode.Crf)]
    [TestCase(RateControlMode.Cqp)]
    [TestCase(RateControlMode.Cbr)]
    public void LowDelay_EveryPacketCodesTheFrameItShowsInInputOrder(RateControlMode mode)
    {
        List<Packet> packets = Av1RoundTrip.Encode(LowDelay(mode), 40);
        Assert.That(packets.Select(p => p.Pts), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (long)i)), "one packet per frame, in input order");
        Assert.That(packets.Select(p => p.Dts), Is.EqualTo(packets.Select(p => p.Pts)), "dts == pts: nothing is decoded out of order");
        for (int i = 0; i < packets.Count; i++)
        {
            TemporalUnit unit = TemporalUnit.Parse(packets[i].Data);
            Assert.That((unit.Frames, unit.ShowsExistingFrame), Is.EqualTo((1, false)),
                $"packet {i} codes exactly the frame it shows (no frame coded ahead, none shown again)");
        }
    }

    [Test]
    public void RandomAccess_CodesFramesAheadAndShowsThemLater()
    {
        List<Packet> packets = Av1RoundTrip.Encode(Av1RoundTrip.Small(RateControlMode.Crf), 40);
        TemporalUnit[] units = packets.Select(p => TemporalUnit.Parse(p.Data)).ToArray();
        Assert.That(packets.Select(p => p.Pts), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (long)i)), "packets (temporal units) still come in display order");
        Assert.That(units.Count(u => u.HiddenFrames > 0), Is.GreaterThan(0), "some units code future frames ahead");
        Assert.That(units.Count(u => u.ShowsExistingFrame), Is.GreaterThan(0), "frames coded ahead are shown later by show_existing_frame");
    }

    /// <summary>
    /// In random access the first unit of a mini-GOP of N = 2^L frames carries the L frames
    /// coded ahead of it (the group's last frame, then the middle of each half down to the
    /// second frame); later units of the group carry fewer. So the units with the most hidden
    /// frames carry log2(N) of them and repeat every N frames. 0 is Reel's default.
    /// </summary>
    [TestCase(4u, 4u)]
    [TestCase(8u, 8u)]
    [TestCase(16u, 16u)]
    [TestCase(32u, 32u)]
    [TestCase(0u, SvtParameters.DefaultMiniGopSize)]
    public void MiniGopSize_IsThePeriodOfTheUnitsThatCodeTheMostFramesAhead(uint miniGop, uint expectedPeriod)
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        settings.MiniGopSize = miniGop;
        settings.KeyframeInterval = 200; // one keyframe: nothing else breaks the rhythm
        const int frames = 97;
        List<Packet> packets = Av1RoundTrip.Encode(settings, frames);
        int[] hidden = packets.Select(p => TemporalUnit.Parse(p.Data).HiddenFrames).ToArray();
        int most = hidden.Max();
        // Full mini-GOPs only: the last group may be shortened by the end of the stream.
        long[] starts = packets.Where((p, i) => hidden[i] == most && p.Pts + expectedPeriod < frames).Select(p => p.Pts).ToArray();
        TestContext.Out.WriteLine($"mini_gop_size {miniGop}: hidden frames per unit {string.Join("", hidden)}; most ({most}) at pts {string.Join(", ", starts)}");
        Assert.That(most, Is.EqualTo(System.Numerics.BitOperations.Log2((uint)expectedPeriod)), "hierarchical levels = log2(mini-GOP)");
        Assert.That(starts, Has.Length.GreaterThanOrEqualTo(2), "at least two full mini-GOPs");
        for (int i = 1; i < starts.Length; i++)
            Assert.That(starts[i] - starts[i - 1], Is.EqualTo(expectedPeriod), $"units coding {most} frames ahead at pts {string.Join(", ", starts)}");
    }

    /// <summary>
    /// Low delay: each frame's packet comes out once the next frame is in (SVT-AV1 1.4.1 holds
    /// one frame to see whether the stream ends: measured 1 for every frame but the last, whose
    /// packet the flush lets out), never later.
    /// </summary>
    [Test]
    public void LowDelay_EachPacketComesOutWithoutWaitingForMoreThanOneLaterFrame()
    {
        int[] latency = FramesInBeforeEachPacket(LowDelay(RateControlMode.Crf), 24);
        TestContext.Out.WriteLine($"low delay: later frames submitted before each packet came out: {string.Join(" ", latency)}");
        Assert.That(latency.Max(), Is.LessThanOrEqualTo(1));
    }

    /// <summary>
    /// The look-ahead and the mini-GOP set how many frames random access needs before the first
    /// packet. Measured with SVT-AV1 1.4.1 (speed 12, 320x240, CRF, mini-GOP N = 4 to 32): 2N + 4
    /// frames with a look-ahead of at least N (the group and the next one, for the temporal
    /// model, plus temporal filtering and end-of-stream delays), N + 4 below it; look-ahead 16
    /// and 40 at N = 16 needed 36, like the default. Given the frames the short setting needs,
    /// its first packet comes out; the long setting's cannot, however long one waits.
    /// </summary>
    [TestCase(16u, 1u, 20, 16u, 0u)]
    [TestCase(16u, 1u, 20, 16u, 120u)]
    [TestCase(8u, 0u, 20, 32u, 0u)]
    [TestCase(4u, 1u, 8, 8u, 1u)]
    public void ShorterMiniGopOrLookahead_LetsTheFirstPacketOutWithFewerFramesIn(
        uint shortGop, uint shortLookahead, int frames, uint longGop, uint longLookahead)
    {
        EncoderSettings quick = Av1RoundTrip.Small(RateControlMode.Crf);
        quick.MiniGopSize = shortGop;
        quick.Lookahead = shortLookahead;
        EncoderSettings slow = Av1RoundTrip.Small(RateControlMode.Crf);
        slow.MiniGopSize = longGop;
        slow.Lookahead = longLookahead;
        Assert.That(PacketAfter(quick, frames, s_allowedWait), Is.True,
            $"mini_gop_size {shortGop}, lookahead {shortLookahead}: a packet comes out once {frames} frames are in");
        Assert.That(PacketAfter(slow, frames, s_forbiddenWait), Is.False,
            $"mini_gop_size {longGop}, lookahead {longLookahead}: no packet can come out with only {frames} frames in");
    }

    [Test]
    public void LowDelay_ForcedKeyframe_IsRefusedNamingTheRule()
    {
        Assert.That(SvtAv1Encoder.Create(LowDelay(RateControlMode.Crf), "reel_encoder_create", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (encoder)
        using (var buffer = NewFrame(320, 240))
        {
            Assert.That(encoder!.SendFrame(buffer.Frame, 0, forceKeyframe: true, "reel_encoder_submit"), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Is.EqualTo("reel_encoder_submit: force_keyframe with prediction REEL_PREDICTION_LOW_DELAY; SVT-AV1 forces keyframes only in random access (with REEL_RATE_CONTROL_CRF and REEL_RATE_CONTROL_CQP)"));
        }
    }

    /// <summary>Sends <paramref name="frames"/> frames, then waits up to <paramref name="wait"/> for any packet.</summary>
    private static bool PacketAfter(EncoderSettings settings, int frames, TimeSpan wait)
    {
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (encoder)
        using (I420Buffer buffer = NewFrame(settings.Width, settings.Height))
        {
            for (int i = 0; i < frames; i++)
            {
                TestPattern.Fill(buffer.Frame, i);
                Assert.That(encoder!.SendFrame(buffer.Frame, i, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            }
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < wait)
            {
                ReelResult result = encoder!.ReceivePacket("test", out _);
                if (result == ReelResult.Success)
                    return true;
                Assert.That(result, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
                Thread.Sleep(5);
            }
            return false;
        }
    }

    /// <summary>
    /// Sends frames one at a time; after each, waits (up to <see cref="s_allowedWait"/>) for the
    /// packets of every earlier frame that can come, and records for each packet how many
    /// frames were sent after its frame by the time it came out.
    /// </summary>
    private static int[] FramesInBeforeEachPacket(EncoderSettings settings, int frames)
    {
        var latency = new int[frames];
        int received = 0;
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (encoder)
        using (I420Buffer buffer = NewFrame(settings.Width, settings.Height))
        {
            for (int sent = 1; sent <= frames; sent++)
            {
                TestPattern.Fill(buffer.Frame, sent - 1);
                Assert.That(encoder!.SendFrame(buffer.Frame, sent - 1, false, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                // Wait for this frame's packet; give up (and send the next frame) only after a long wait.
                var clock = Stopwatch.StartNew();
                while (received < sent && clock.Elapsed < s_allowedWait)
                {
                    ReelResult result = encoder.ReceivePacket("test", out EncodedPacket packet);
                    if (result == ReelResult.Success)
                    {
                        Assert.That(packet.Pts, Is.EqualTo(received), "packets in input order");
                        latency[received++] = sent - 1 - (int)packet.Pts;
                        continue;
                    }
                    Assert.That(result, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
                    // One later frame may be needed: stop waiting once the frame before this one is out.
                    if (received == sent - 1 && clock.Elapsed > s_ownPacketWait)
                        break;
                    Thread.Sleep(2);
                }
            }
            Assert.That(encoder!.Flush("test"), Is.EqualTo(ReelResult.Success));
            while (encoder.ReceivePacket("test", out EncodedPacket packet) == ReelResult.Success)
                latency[received++] = frames - 1 - (int)packet.Pts;
        }
        Assert.That(received, Is.EqualTo(frames));
        return latency;
    }

    private static I420Buffer NewFrame(uint width, uint height)
    {
        Assert.That(I420Buffer.Create((int)width, (int)height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        return buffer!;
    }
}
