using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Tests.Support;
using Reel.Vulkan.Validation;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Device;

/// <summary>
/// The engine-embedding case: the test plays the host, creates its own instance and device
/// through its own loader (<see cref="HostProcAddr"/>), hands them to Reel, lets Reel work on
/// them, and checks that Reel dispatched through the host's vkGetInstanceProcAddr and
/// vkGetDeviceProcAddr (or, without one, through libvulkan.so.1 it opened itself), and that
/// Reel's teardown leaves the host's objects alive and clean (validated, including leak
/// reports when the host destroys them).
/// </summary>
public unsafe class AdoptionTests : VulkanTestBase
{
    private HostVulkan _host = null!;

    [SetUp]
    public void CreateHost() => _host = Track(new HostVulkan(Log));

    private VulkanAdoption Describe(ValidationLog? capture = null, VulkanFeatures features = VulkanFeatures.TimelineSemaphore | VulkanFeatures.Synchronization2,
        IReadOnlyList<AdoptedQueue>? queues = null, nint getInstanceProcAddr = -1) => new()
    {
        GetInstanceProcAddr = getInstanceProcAddr == -1 ? HostProcAddr.GetInstanceProcAddr : getInstanceProcAddr,
        Instance = _host.Instance,
        InstanceApiVersion = _host.ApiVersion,
        InstanceExtensions = HostVulkan.InstanceExtensions,
        PhysicalDevice = _host.PhysicalDevice,
        Device = _host.Device,
        EnabledFeatures = features,
        Queues = queues ?? [new AdoptedQueue(_host.QueueFamily, 0, _host.Queue)],
        CaptureValidation = capture,
    };

    [Test]
    public void AdoptedDevice_ReelWorksOnIt_AndTeardownLeavesItAlive()
    {
        ReelResult result = VulkanDevice.Adopt(Describe(), "test", out VulkanDevice? device);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        using (device)
        {
            Assert.That(device!.IsOwned || device.Instance.IsOwned, Is.False);
            Assert.That(device.Handle, Is.EqualTo(_host.Device));
            Assert.That(device.Instance.Handle, Is.EqualTo(_host.Instance));
            Assert.That(device.Graphics!.Handle, Is.EqualTo(_host.Queue));
            Assert.That(device.Transfer, Is.SameAs(device.Graphics), "one adopted queue serves every role it can");
            Assert.That(device.Context.Has("vkQueueSubmit2"), Is.True);
            Assert.That(DeviceWork.CopyThroughQueue(device, device.Transfer!, 16 * 1024), Is.True, "Reel's copy on the host's device");
        }

        // Reel is gone; the host's objects must still work.
        DeviceWork.Check(_host.DeviceVk.DeviceWaitIdle(_host.Device), "vkDeviceWaitIdle after Reel's teardown");
        var info = new BufferCreateInfo
        {
            SType = StructureType.BufferCreateInfo,
            Size = 256,
            Usage = BufferUsageFlags.TransferDstBit,
        };
        VkBuffer buffer;
        DeviceWork.Check(_host.DeviceVk.CreateBuffer(_host.Device, &info, null, &buffer), "vkCreateBuffer after Reel's teardown");
        _host.DeviceVk.DestroyBuffer(_host.Device, buffer, null);
        Assert.That(Log.ErrorCount, Is.Zero, string.Join("\n", Log.Errors));

        _host.Dispose();
        Assert.That(UnexpectedErrors(), Is.Empty, "the host's teardown finds nothing of Reel's left behind");
    }

    [Test]
    public void AdoptedDevice_DispatchesThroughTheHostsProcAddr()
    {
        long instanceLookups = HostProcAddr.InstanceLookups;
        long deviceLookups = HostProcAddr.DeviceLookups;
        Assert.That(VulkanDevice.Adopt(Describe(), "test", out VulkanDevice? device), Is.EqualTo(ReelResult.Success), LastError.Message);
        using (device)
        {
            Assert.That(device!.Instance.Loader.GetInstanceProcAddr, Is.EqualTo(HostProcAddr.GetInstanceProcAddr));
            Assert.That(DeviceWork.CopyThroughQueue(device, device.Transfer!, 4096), Is.True);
        }
        Assert.That(HostProcAddr.InstanceLookups, Is.GreaterThan(instanceLookups), "Reel's instance-level commands come from the host's vkGetInstanceProcAddr");
        Assert.That(HostProcAddr.DeviceLookups, Is.GreaterThan(deviceLookups), "Reel's device-level commands come from the host's vkGetDeviceProcAddr");
    }

    [Test]
    public void AdoptedDevice_WithoutTheHostsProcAddr_LoadsLibvulkanItself()
    {
        long instanceLookups = HostProcAddr.InstanceLookups;
        long deviceLookups = HostProcAddr.DeviceLookups;
        Assert.That(VulkanDevice.Adopt(Describe(getInstanceProcAddr: 0), "test", out VulkanDevice? device), Is.EqualTo(ReelResult.Success), LastError.Message);
        using (device)
        {
            Assert.That(device!.Instance.Loader.Source, Is.EqualTo("libvulkan.so.1"));
            Assert.That(DeviceWork.CopyThroughQueue(device, device.Transfer!, 4096), Is.True, "the system loader's entry points work on the host's objects");
        }
        Assert.That(HostProcAddr.InstanceLookups, Is.EqualTo(instanceLookups), "nothing went through the host's shim");
        Assert.That(HostProcAddr.DeviceLookups, Is.EqualTo(deviceLookups));
        Assert.That(Log.ErrorCount, Is.Zero, string.Join("\n", Log.Errors));
    }

    [Test]
    public void Adopt_WithCapture_AddsReelsMessengerAndRemovesItAgain()
    {
        var reelLog = new ValidationLog();
        Assert.That(VulkanDevice.Adopt(Describe(reelLog), "test", out VulkanDevice? device), Is.EqualTo(ReelResult.Success), LastError.Message);
        SubmitInfo(device!.Instance.DebugUtils!, device.Instance.Handle, "REEL-INFO-while-adopted");
        Assert.That(reelLog.Messages.Select(m => m.MessageIdName), Does.Contain("REEL-INFO-while-adopted"));

        device.Dispose();
        SubmitInfo(_host.DebugUtils, _host.Instance, "REEL-INFO-after-teardown");
        Assert.That(reelLog.Messages.Select(m => m.MessageIdName), Does.Not.Contain("REEL-INFO-after-teardown"), "Reel's messenger is gone");
        Assert.That(Log.Messages.Select(m => m.MessageIdName), Does.Contain("REEL-INFO-after-teardown"), "the host's messenger is not");
    }

    [Test]
    public void Adopt_WithCaptureButWithoutDebugUtils_IsUnsupported()
    {
        VulkanAdoption described = Describe(new ValidationLog());
        var withoutDebugUtils = new VulkanAdoption
        {
            GetInstanceProcAddr = described.GetInstanceProcAddr, Instance = described.Instance, InstanceApiVersion = described.InstanceApiVersion,
            InstanceExtensions = [], PhysicalDevice = described.PhysicalDevice, Device = described.Device,
            EnabledFeatures = described.EnabledFeatures, Queues = described.Queues, CaptureValidation = described.CaptureValidation,
        };
        Assert.That(VulkanDevice.Adopt(withoutDebugUtils, "reel_device_adopt", out VulkanDevice? device), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(device, Is.Null);
        Assert.That(LastError.Message, Does.Contain("VK_EXT_debug_utils"));
    }

    [Test]
    public void Adopt_WithoutSynchronization2_IsUnsupported()
    {
        ReelResult result = VulkanDevice.Adopt(Describe(features: VulkanFeatures.TimelineSemaphore), "reel_vulkan_adopt", out VulkanDevice? device);
        Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(device, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("reel_vulkan_adopt: adoption.EnabledFeatures").And.Contain("Synchronization2"));
    }

    [Test]
    public void Adopt_NullDevice_IsInvalidArgument()
    {
        VulkanAdoption adoption = Describe();
        var withoutDevice = new VulkanAdoption
        {
            Instance = adoption.Instance, PhysicalDevice = adoption.PhysicalDevice, InstanceApiVersion = adoption.InstanceApiVersion,
            EnabledFeatures = adoption.EnabledFeatures, Queues = adoption.Queues,
        };
        Assert.That(VulkanDevice.Adopt(withoutDevice, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("adoption.Device is VK_NULL_HANDLE"));
    }

    [Test]
    public void Adopt_QueueOutsideTheDevice_IsInvalidArgumentAndLeavesNothingBehind()
    {
        var queues = new[] { new AdoptedQueue(_host.QueueFamily, 7, _host.Queue) };
        Assert.That(VulkanDevice.Adopt(Describe(new ValidationLog(), queues: queues), "test", out VulkanDevice? device), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(device, Is.Null);
        Assert.That(LastError.Message, Does.Contain("adoption.Queues[0].Index is 7"));
    }

    /// <summary>Sends an info message with id <paramref name="id"/> through vkSubmitDebugUtilsMessageEXT on an instance.</summary>
    private static void SubmitInfo(Silk.NET.Vulkan.Extensions.EXT.ExtDebugUtils debugUtils, VkInstance instance, string id)
    {
        using var text = new Utf8Text(id, "a message from the test");
        var data = new DebugUtilsMessengerCallbackDataEXT
        {
            SType = StructureType.DebugUtilsMessengerCallbackDataExt,
            PMessageIdName = text[0],
            PMessage = text[1],
        };
        debugUtils.SubmitDebugUtilsMessage(instance, DebugUtilsMessageSeverityFlagsEXT.InfoBitExt, DebugUtilsMessageTypeFlagsEXT.GeneralBitExt, &data);
    }
}
