using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Api;
using Reel.Vulkan.Sync;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Sync;

/// <summary>Timelines behind reel_timeline_t: CPU and GPU signal, query, wait with timeout; queue timelines refuse host signals.</summary>
public class TimelineTests : GpuTestBase
{
    private const ulong OneMillisecond = 1_000_000;

    [Test]
    public void GpuTimeline_SignalQueryWait()
    {
        GpuDevice device = CreateGpuDevice();
        Assert.That(device.CreateTimeline(3, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        IReelTimeline gpu = timeline!.Timeline;
        Assert.That(gpu.GetValue("test", out ulong value), Is.EqualTo(ReelResult.Success));
        Assert.That(value, Is.EqualTo(3UL));
        Assert.That(gpu.Wait(4, OneMillisecond, "test"), Is.EqualTo(ReelResult.Timeout));
        Assert.That(gpu.Signal(3, "test"), Is.EqualTo(ReelResult.Success), "the current value does nothing");
        Assert.That(gpu.Signal(7, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(gpu.Wait(7, 0, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(gpu.HasReached(6) && gpu.HasReached(7) && !gpu.HasReached(8), Is.True);
        Assert.That(gpu.Signal(5, "reel_timeline_signal"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("value is 5; the timeline is already at 7"));
    }

    [Test]
    public void QueueTimeline_RefusesHostSignals()
    {
        GpuDevice device = CreateGpuDevice();
        Assert.That(device.GetQueueTimeline(GpuQueueRole.Compute, "test", out TimelineObject? timeline), Is.EqualTo(ReelResult.Success));
        Assert.That(device.GetQueueTimeline(GpuQueueRole.Graphics, "test", out TimelineObject? again), Is.EqualTo(ReelResult.Success));
        Assert.That(again, Is.SameAs(timeline), "roles of one queue share its timeline handle");
        Assert.That(timeline!.Timeline.Signal(1, "reel_timeline_signal"), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(LastError.Message, Does.Contain("only Reel's submissions signal it"));
        if (device.QueueFor(GpuQueueRole.VideoDecode) is null)
        {
            Assert.That(device.GetQueueTimeline(GpuQueueRole.VideoDecode, "reel_device_get_queue_timeline", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Does.Contain("REEL_GPU_QUEUE_VIDEO_DECODE"));
        }
    }

    [Test]
    public void CpuTimeline_WaitsWakeOnSignalFromAnotherThread()
    {
        var timeline = new CpuTimelineObject(0);
        Assert.That(timeline.Wait(1, OneMillisecond, "test"), Is.EqualTo(ReelResult.Timeout));
        var signaller = new Thread(() =>
        {
            Thread.Sleep(20);
            timeline.Signal(2, "test");
        });
        signaller.Start();
        Assert.That(timeline.Wait(2, 5_000 * OneMillisecond, "test"), Is.EqualTo(ReelResult.Success));
        signaller.Join();
        Assert.That(timeline.Signal(1, "reel_timeline_signal"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(timeline.IsGpu, Is.False);
    }

    [Test]
    public void DestroyedGpuTimeline_CountsAsReached()
    {
        GpuDevice device = CreateGpuDevice();
        Assert.That(GpuTimeline.Create(device.Vulkan, 0, false, "test", out GpuTimeline? timeline), Is.EqualTo(ReelResult.Success));
        Assert.That(timeline!.HasReached(1), Is.False);
        timeline.Destroy();
        timeline.Destroy();
        Assert.That(timeline.HasReached(ulong.MaxValue), Is.True, "nothing will ever signal it again");
        Assert.That(timeline.GetValue("reel_timeline_get_value", out _), Is.EqualTo(ReelResult.ErrorBadState));
    }
}
