using NUnit.Framework;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Loader;

/// <summary>
/// Where Silk.NET's entry points come from: a device scope asks the device's
/// vkGetDeviceProcAddr for device commands and the instance for physical-device commands, and
/// asks for a promoted command by its KHR name below the version that made it core. Observed
/// through the counting shims of a host's own loader (<see cref="HostProcAddr"/>).
/// </summary>
public class ProcAddrContextTests : VulkanTestBase
{
    [TestCase("vkQueueSubmit2", 0x00403000u, "vkQueueSubmit2")]
    [TestCase("vkQueueSubmit2", 0x00402000u, "vkQueueSubmit2KHR")]
    [TestCase("vkCmdPipelineBarrier2", 0x00401000u, "vkCmdPipelineBarrier2KHR")]
    [TestCase("vkWaitSemaphores", 0x00402000u, "vkWaitSemaphores")]
    [TestCase("vkWaitSemaphores", 0x00401000u, "vkWaitSemaphoresKHR")]
    [TestCase("vkGetSemaphoreCounterValue", 0x00401000u, "vkGetSemaphoreCounterValueKHR")]
    [TestCase("vkCreateBuffer", 0x00401000u, "vkCreateBuffer")]
    [TestCase("vkQueueSubmit2", 0u, "vkQueueSubmit2")]
    public void PromotedCommands_BelowTheirCoreVersion_GoByTheirKhrName(string name, uint apiVersion, string asked) =>
        Assert.That(PromotedCommands.NameAt(name, apiVersion), Is.EqualTo(asked), VulkanVersion.Format(apiVersion));

    [Test]
    public void DeviceScope_AsksTheDeviceForItsCommands_AndTheInstanceForPhysicalDeviceOnes()
    {
        HostVulkan host = Track(new HostVulkan(Log));
        var instance = ProcAddrContext.ForInstance(HostProcAddr.GetInstanceProcAddr, host.Instance, VulkanVersion.V1_3);
        var device = ProcAddrContext.ForDevice(instance.GetProcAddress("vkGetDeviceProcAddr"), host.Device, VulkanVersion.V1_3, instance);

        long instanceLookups = HostProcAddr.InstanceLookups, deviceLookups = HostProcAddr.DeviceLookups;
        Assert.That(device.Has("vkCreateBuffer"), Is.True);
        Assert.That((HostProcAddr.InstanceLookups - instanceLookups, HostProcAddr.DeviceLookups - deviceLookups), Is.EqualTo((0L, 1L)));
        Assert.That(HostProcAddr.LastDeviceLookup, Is.EqualTo("vkCreateBuffer"));

        instanceLookups = HostProcAddr.InstanceLookups;
        deviceLookups = HostProcAddr.DeviceLookups;
        Assert.That(device.TryGetProcAddress("vkGetPhysicalDeviceVideoCapabilitiesKHR", out _), Is.True, "the loader has a trampoline for it");
        Assert.That((HostProcAddr.InstanceLookups - instanceLookups, HostProcAddr.DeviceLookups - deviceLookups), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void DeviceScopeBelowVulkan13_AsksForTheSynchronization2Name()
    {
        HostVulkan host = Track(new HostVulkan(Log));
        var instance = ProcAddrContext.ForInstance(HostProcAddr.GetInstanceProcAddr, host.Instance, VulkanVersion.V1_3);
        var below13 = ProcAddrContext.ForDevice(instance.GetProcAddress("vkGetDeviceProcAddr"), host.Device, VulkanVersion.V1_2, instance);
        below13.TryGetProcAddress("vkQueueSubmit2", out _);
        Assert.That(HostProcAddr.LastDeviceLookup, Is.EqualTo("vkQueueSubmit2KHR"));
        below13.TryGetProcAddress("vkCreateSemaphore", out _);
        Assert.That(HostProcAddr.LastDeviceLookup, Is.EqualTo("vkCreateSemaphore"), "commands core since 1.0 keep their name");
    }
}
