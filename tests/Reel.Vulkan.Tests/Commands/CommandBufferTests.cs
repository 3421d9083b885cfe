using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Silk.NET.Vulkan;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Commands;

/// <summary>
/// Command buffers and frames in flight on lavapipe, validated: submissions held back by a
/// host-signalled timeline (wait-before-signal) show that nothing is recycled or begun before
/// the GPU finished with it.
/// </summary>
public class CommandBufferTests : GpuTestBase
{
    private const ulong FiveSeconds = 5_000_000_000;

    private static CommandBuffer Begin(GpuDevice device, GpuQueueRole role = GpuQueueRole.Graphics)
    {
        Assert.That(device.BeginCommands(role, "test", out CommandBuffer buffer), Is.EqualTo(ReelResult.Success), LastError.Message);
        return buffer;
    }

    private static ulong Submit(GpuDevice device, CommandBuffer buffer, TimelineObject? waitFor = null, ulong value = 0)
    {
        TimelineWait[] waits = waitFor is null ? [] : [new TimelineWait(waitFor.Gpu!.Semaphore, value, 0)];
        Assert.That(device.Submit(buffer, waits, [], "test", out ulong submitted), Is.EqualTo(ReelResult.Success), LastError.Message);
        return submitted;
    }

    [Test]
    public void CommandBuffers_AreRecycledOnlyOnceTheirValueCompleted()
    {
        GpuDevice device = CreateGpuDevice(new GpuDeviceOptions { CommandBuffersPerQueue = 2 });
        TimelineObject gate = Gate(device);
        CommandBufferManager queue = device.QueueFor(GpuQueueRole.Graphics)!;
        CommandBuffer first = Begin(device);
        Assert.That(Submit(device, first, gate, 1), Is.EqualTo(1UL));
        CommandBuffer second = Begin(device);
        Assert.That(Submit(device, second, gate, 1), Is.EqualTo(2UL));
        Assert.That(second, Is.Not.EqualTo(first));

        Assert.That(device.BeginCommands(GpuQueueRole.Graphics, "reel_command_buffer_begin", out _), Is.EqualTo(ReelResult.ErrorLimitReached));
        Assert.That(LastError.Message, Does.Contain("all 2 command buffers").And.Contain("the timeline is at 0"));
        Assert.That(queue.Pending, Is.EqualTo(2));

        Assert.That(gate.Timeline.Signal(1, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(queue.Timeline.Wait(2, FiveSeconds, "test"), Is.EqualTo(ReelResult.Success));
        CommandBuffer third = Begin(device);
        Assert.That(third, Is.EqualTo(first), "the buffer submitted first is recycled first");
        Assert.That(Submit(device, third), Is.EqualTo(3UL));
        Assert.That(queue.Created, Is.EqualTo(2), "no third buffer was ever created");
        Assert.That(queue.WaitIdle(FiveSeconds, "test"), Is.EqualTo(ReelResult.Success));
    }

    [Test]
    public void Submit_TwiceOrSomethingElse_IsInvalidArgument()
    {
        GpuDevice device = CreateGpuDevice();
        CommandBuffer buffer = Begin(device);
        Submit(device, buffer);
        Assert.That(device.Submit(buffer, [], [], "reel_command_buffer_submit", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("is not recording on this device"));
        Assert.That(device.Submit(new CommandBuffer(0x1234), [], [], "reel_command_buffer_submit", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
    }

    [Test]
    public void Submissions_SignalIncreasingValuesOfTheQueueTimeline()
    {
        GpuDevice device = CreateGpuDevice();
        CommandBufferManager queue = device.QueueFor(GpuQueueRole.Transfer)!;
        for (ulong expected = 1; expected <= 5; expected++)
            Assert.That(Submit(device, Begin(device, GpuQueueRole.Transfer)), Is.EqualTo(expected));
        Assert.That(queue.Timeline.Wait(5, FiveSeconds, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(queue.Timeline.GetValue("test", out ulong value), Is.EqualTo(ReelResult.Success));
        Assert.That(value, Is.EqualTo(5UL));
        Assert.That(device.QueueFor(GpuQueueRole.Graphics), Is.SameAs(queue), "lavapipe has one queue: every role shares its timeline");
    }

    [Test]
    public void BeginFrame_WaitsForTheFrameMaxInFlightBefore()
    {
        GpuDevice device = CreateGpuDevice(new GpuDeviceOptions { MaxFramesInFlight = 2 });
        TimelineObject gate = Gate(device);
        Assert.That(device.BeginFrame(0, "test", out long frame), Is.EqualTo(ReelResult.Success));
        Assert.That(frame, Is.EqualTo(1L));
        Submit(device, Begin(device), gate, 1);                     // frame 1 cannot finish before the host signals
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginFrame(0, "test", out frame), Is.EqualTo(ReelResult.Success), "frame 2 needs frame 0, which never existed");
        Submit(device, Begin(device));
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));

        Assert.That(device.BeginFrame(10_000_000, "reel_device_begin_frame", out _), Is.EqualTo(ReelResult.Timeout), "frame 3 waits for frame 1");
        Assert.That(LastError.Message, Does.Contain("frame 1 is still in flight"));
        Assert.That(device.Frames.InFrame, Is.False, "a timed-out begin begins nothing");

        Assert.That(gate.Timeline.Signal(1, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.BeginFrame(FiveSeconds, "test", out frame), Is.EqualTo(ReelResult.Success));
        Assert.That(frame, Is.EqualTo(3L));
        Assert.That(device.BeginFrame(0, "reel_device_begin_frame", out _), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
        Assert.That(device.EndFrame("reel_device_end_frame"), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(LastError.Message, Does.Contain("no frame is begun"));
    }

    [Test]
    public void ManyFramesInFlight_NeverRecycleABusyCommandBuffer()
    {
        GpuDevice device = CreateGpuDevice(new GpuDeviceOptions { MaxFramesInFlight = 3, CommandBuffersPerQueue = 6 });
        CommandBufferManager queue = device.QueueFor(GpuQueueRole.Graphics)!;
        for (int i = 0; i < 60; i++)
        {
            Assert.That(device.BeginFrame(FiveSeconds, "test", out _), Is.EqualTo(ReelResult.Success), LastError.Message);
            Submit(device, Begin(device));
            Submit(device, Begin(device));
            Assert.That(device.EndFrame("test"), Is.EqualTo(ReelResult.Success));
        }
        Assert.That(queue.Created, Is.LessThanOrEqualTo(6), "3 frames of 2 buffers at most");
        Assert.That(queue.LastSubmittedValue, Is.EqualTo(120UL));
        Assert.That(queue.WaitIdle(FiveSeconds, "test"), Is.EqualTo(ReelResult.Success));
    }
}
