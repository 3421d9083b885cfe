using NUnit.Framework;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Timeline semaphores on Reel's device: host signals, queue signals, waits with timeouts; validated.</summary>
public class TimelineSemaphoreTests : VulkanTestBase
{
    private const ulong OneMillisecond = 1_000_000;
    private const ulong FiveSeconds = 5_000_000_000;

    [Test]
    public void SignalFromHost_CounterAndWaitSeeTheValue()
    {
        VulkanDevice device = CreateDevice();
        VkSemaphore timeline = DeviceWork.CreateTimeline(device, initialValue: 2);
        try
        {
            Assert.That(DeviceWork.CounterValue(device, timeline), Is.EqualTo(2UL));
            DeviceWork.Signal(device, timeline, 5);
            Assert.That(DeviceWork.CounterValue(device, timeline), Is.EqualTo(5UL));
            Assert.That(DeviceWork.Wait(device, timeline, 5, timeoutNanoseconds: 0), Is.EqualTo(Result.Success));
            Assert.That(DeviceWork.Wait(device, timeline, 4, timeoutNanoseconds: 0), Is.EqualTo(Result.Success), "a reached value stays reached");
        }
        finally
        {
            DeviceWork.DestroySemaphore(device, timeline);
        }
    }

    [Test]
    public void WaitForUnreachedValue_TimesOut()
    {
        VulkanDevice device = CreateDevice();
        VkSemaphore timeline = DeviceWork.CreateTimeline(device, initialValue: 0);
        try
        {
            Assert.That(DeviceWork.Wait(device, timeline, 1, timeoutNanoseconds: 0), Is.EqualTo(Result.Timeout));
            Assert.That(DeviceWork.Wait(device, timeline, 1, 10 * OneMillisecond), Is.EqualTo(Result.Timeout));
        }
        finally
        {
            DeviceWork.DestroySemaphore(device, timeline);
        }
    }

    [Test]
    public void SignalFromQueueSubmission_ReachesTheValue()
    {
        VulkanDevice device = CreateDevice();
        VulkanQueue queue = device.Graphics ?? device.Compute!;
        VkSemaphore timeline = DeviceWork.CreateTimeline(device, initialValue: 0);
        try
        {
            DeviceWork.Check(DeviceWork.Submit(device, queue, default, signalSemaphore: timeline, signalValue: 3), "vkQueueSubmit2");
            Assert.That(DeviceWork.Wait(device, timeline, 3, FiveSeconds), Is.EqualTo(Result.Success));
            Assert.That(DeviceWork.CounterValue(device, timeline), Is.EqualTo(3UL));
        }
        finally
        {
            DeviceWork.DestroySemaphore(device, timeline);
        }
    }

    [Test]
    public void SubmissionWaitingForHostSignal_CompletesOnlyAfterIt()
    {
        VulkanDevice device = CreateDevice();
        VulkanQueue queue = device.Graphics ?? device.Compute!;
        VkSemaphore timeline = DeviceWork.CreateTimeline(device, initialValue: 0);
        try
        {
            // Wait-before-signal: the queue waits for 10, which only the host will signal.
            DeviceWork.Check(DeviceWork.Submit(device, queue, default, timeline, 10, timeline, 11), "vkQueueSubmit2");
            Assert.That(DeviceWork.Wait(device, timeline, 11, 20 * OneMillisecond), Is.EqualTo(Result.Timeout));

            // Signalled from this thread: the validation layer of Debian 12 (1.3.239) loses track
            // of a timeline when another thread signals it during a wait, and reports a timeout.
            DeviceWork.Signal(device, timeline, 10);
            Assert.That(DeviceWork.Wait(device, timeline, 11, FiveSeconds), Is.EqualTo(Result.Success));
            Assert.That(DeviceWork.CounterValue(device, timeline), Is.EqualTo(11UL));
        }
        finally
        {
            DeviceWork.DestroySemaphore(device, timeline);
        }
    }
}
