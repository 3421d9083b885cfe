using System.Diagnostics;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>
/// A streaming server that changes bitrate every 30 s asks for an encoder of the new bitrate
/// each time. With libx264, whose wrapper reconfigures a live encoder, the encoder pool serves
/// those requests from its idle encoder of another bitrate (reconfigured) instead of starting
/// a codec: over one virtual hour (120 changes; 1 frame per virtual second) reuse_rate stays
/// at or above 0.85. libx265 in FFmpeg 5.1 cannot, and every changed bitrate is a miss.
/// </summary>
public class LiveBitrateTests
{
    private const int SecondsPerChange = 30;

    [Test]
    public void OneVirtualHour_BitrateChangeEvery30s_X264_ReuseRateAtLeast085()
    {
        (EncoderPoolStats stats, long reconfigurations) = Stream(VideoCodec.H264, changes: 3600 / SecondsPerChange);
        TestContext.Out.WriteLine($"libx264: {stats.Requests} requests, {stats.Hits} hits ({stats.Reconfigured} reconfigured), reuse_rate {stats.ReuseRate:F3}; "
            + $"{reconfigurations} bitrate changes on sessions");
        Assert.That(stats.Requests, Is.EqualTo(120));
        Assert.That(stats.ReuseRate, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(stats.Reconfigured, Is.GreaterThanOrEqualTo(stats.Hits - 1), "the hits came from live reconfiguration");
    }

    [Test]
    public void BitrateChanges_X265_AreMisses()
    {
        (EncoderPoolStats stats, _) = Stream(VideoCodec.Hevc, changes: 6);
        TestContext.Out.WriteLine($"libx265: {stats.Requests} requests, {stats.Hits} hits, reuse_rate {stats.ReuseRate:F3}");
        Assert.That(stats.Reconfigured, Is.Zero);
        Assert.That(stats.Hits, Is.EqualTo(1), "only the request at the reserved bitrate");
    }

    /// <summary>Reserves one idle encoder at 500 kbit/s, then runs <paramref name="changes"/> sessions of 30 one-second frames, each at another bitrate.</summary>
    private static (EncoderPoolStats Stats, long Reconfigurations) Stream(VideoCodec codec, int changes)
    {
        using ContextScope context = H26xHarness.Context();
        EncoderSettings reserved = H26xHarness.Settings(codec, RateControlMode.Vbr, 128, 72);
        reserved.FpsNumerator = 1;
        reserved.Preset = EncoderPreset.Speed;
        reserved.SpeedPreset = 9;
        reserved.Threads = 1;
        reserved.TargetBitrate = 500_000;
        EncoderSessionPool pool = EncoderSessionPool.GetOrCreate(context)!;
        Assert.That(pool.Reserve(reserved, H26xHarness.Encoder(codec), 1, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        FramePool frames = H26xHarness.FramePool(context, reserved.Width, reserved.Height, 12);
        long reconfigurations = 0;
        long pts = 0;
        try
        {
            for (int change = 0; change < changes; change++)
            {
                // The 30 s between changes, compressed: the background replacement has finished.
                var wait = Stopwatch.StartNew();
                while (pool.GetStats().Idle == 0 && wait.Elapsed.TotalSeconds < 30)
                    Thread.Sleep(5);
                EncoderSettings settings = reserved.Clone();
                settings.TargetBitrate = change == 0 ? 500_000UL : 600_000UL + 50_000UL * (ulong)(change % 12); // never the reserved 500k again
                Assert.That(EncoderSession.Create(context, new EncoderSessionOptions { Settings = settings, Backend = CodecBackend.Software, Name = $"segment {change}" },
                    "test", out EncoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                for (int second = 0; second < SecondsPerChange; second++, pts++)
                {
                    Assert.That(frames.Acquire("test", out Handle frame), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    Reel.Codecs.Tests.Support.TestPattern.Fill(H26xHarness.Planes(frame), (int)pts);
                    ReelResult submitted = session!.Submit(frame, pts, false, PoolConfig.WaitForever, "test");
                    Buffers.Release(frame, "test");
                    Assert.That(submitted, Is.EqualTo(ReelResult.Success), () => LastError.Message);
                    DrainPackets(session, 0);
                }
                Assert.That(session!.Flush("test"), Is.EqualTo(ReelResult.Success));
                Assert.That(DrainPackets(session, PoolConfig.WaitForever), Is.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
                reconfigurations += session.GetStats().Reconfigurations;
                Assert.That(session.GetStats().FramesHeld, Is.Zero);
                Assert.That(EncoderSession.Destroy(session.Handle, "test"), Is.EqualTo(ReelResult.Success));
            }
            Assert.That(frames.InUse, Is.Zero, "every frame came back");
            return (pool.GetStats(), reconfigurations);
        }
        finally
        {
            Reel.Pools.Pool.Destroy(frames.Handle, "test");
        }
    }

    private static ReelResult DrainPackets(EncoderSession session, uint timeoutMs)
    {
        ReelResult r;
        while ((r = session.Receive(timeoutMs, "test", out Handle packet)) == ReelResult.Success)
            Buffers.Release(packet, "test");
        return r;
    }
}
