using System;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Tests.Support;

namespace Reel.Vulkan.Tests.Device;

/// <summary>Reel's own instance and device on the machine's Vulkan device (lavapipe on CI), validated.</summary>
public class DeviceLifecycleTests : VulkanTestBase
{
    [Test]
    public void Create_WithValidation_EnablesLayerMessengerAndRequiredFeatures()
    {
        VulkanDevice device = CreateDevice();
        VulkanInstance instance = device.Instance;

        Assert.That(instance.IsOwned && device.IsOwned, Is.True);
        Assert.That(instance.EnabledLayers, Does.Contain(VulkanInstance.ValidationLayerName));
        Assert.That(instance.EnabledExtensions, Does.Contain(ExtensionNames.ExtDebugUtils).And.Contain(ExtensionNames.ExtValidationFeatures));
        Assert.That(instance.ValidationLog, Is.SameAs(Log));
        Assert.That(device.EnabledFeatures.HasFlag(VulkanFeatures.TimelineSemaphore | VulkanFeatures.Synchronization2), Is.True);
        Assert.That(device.Graphics ?? device.Compute, Is.Not.Null);
        Assert.That(device.Transfer, Is.Not.Null);
        Assert.That(new[] { "vkQueueSubmit2", "vkCmdPipelineBarrier2", "vkWaitSemaphores" }.All(device.Context.Has), Is.True);
        Assert.That(instance.DebugUtils, Is.Not.Null, "VK_EXT_debug_utils is enabled on the instance");
        Assert.That(Log.TotalCount, Is.GreaterThan(0), "the layer and loader report at least informational messages");
    }

    [Test]
    public void Create_DeviceWithoutVideo_HasNoVideoCommands()
    {
        VulkanDevice device = CreateDevice(new VulkanDeviceOptions { EnableVideo = false });
        Assert.That(device.VideoDecode, Is.Null);
        Assert.That(device.VideoEncode, Is.Null);
        Assert.That(device.EnabledExtensions, Does.Not.Contain(ExtensionNames.KhrVideoQueue));
        Assert.That(device.VideoQueue, Is.Null, "VK_KHR_video_queue's entry points exist only where the extension is enabled");
    }

    [Test]
    public void Create_DeviceWithVideoEnabled_EnablesVideoOnlyWhereTheDeviceListsIt()
    {
        VulkanDevice device = CreateDevice();
        bool video = device.PhysicalDevice.HasVideoQueue && (device.VideoDecode is not null || device.VideoEncode is not null);
        Assert.That(device.EnabledExtensions.Contains(ExtensionNames.KhrVideoQueue), Is.EqualTo(video));
        Assert.That(device.VideoQueue is null, Is.EqualTo(!video));
        if (device.VideoDecode is { } decode)
            Assert.That(decode.Family.Has(QueueFlags.VideoDecodeBitKhr) && decode.Family.VideoCodecOperations != 0, Is.True);
    }

    [Test]
    public void PhysicalDevice_ReportsQueuesMemoryAndFeatures()
    {
        PhysicalDeviceInfo info = CreateDevice().PhysicalDevice;
        Assert.That(info.Name, Is.Not.Empty);
        Assert.That(info.UnsupportedReason, Is.Null);
        Assert.That(info.EffectiveApiVersion, Is.GreaterThanOrEqualTo(VulkanVersion.V1_1));
        Assert.That(info.TimelineSemaphore && info.Synchronization2, Is.True);
        Assert.That(info.MaxTimelineSemaphoreValueDifference, Is.GreaterThan(0UL));
        Assert.That(info.MemoryProperties.MemoryTypeCount, Is.InRange(1u, Vk.MaxMemoryTypes));
        Assert.That(info.MemoryProperties.MemoryHeaps[0].Size, Is.GreaterThan(0UL));
        Assert.That(info.Limits.NonCoherentAtomSize, Is.GreaterThan(0UL));
        Assert.That(info.QueueFamilies, Is.Not.Empty);
        Assert.That(info.Extensions, Is.Not.Empty);
    }

    [Test]
    public void QueryMemoryBudget_ReportsBudgetOrSaysTheExtensionIsMissing()
    {
        PhysicalDeviceInfo info = CreateDevice().PhysicalDevice;
        Span<ulong> budget = stackalloc ulong[(int)Vk.MaxMemoryHeaps];
        Span<ulong> usage = stackalloc ulong[(int)Vk.MaxMemoryHeaps];
        ReelResult result = info.QueryMemoryBudget(budget, usage, "test");
        if (info.HasMemoryBudget)
        {
            Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
            Assert.That(budget[0], Is.GreaterThan(0UL));
        }
        else
        {
            Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
            Assert.That(LastError.Message, Does.Contain(ExtensionNames.ExtMemoryBudget).And.Contain(info.Name));
        }
    }

    [Test]
    public void Dispose_Twice_DestroysOnce()
    {
        VulkanDevice device = CreateDevice();
        device.Dispose();
        device.Dispose();
        device.Instance.Dispose();
        device.Instance.Dispose();
    }

    [Test]
    public void Create_PhysicalDeviceOutOfRange_IsInvalidArgument_InTheCallersTerms()
    {
        VulkanInstance instance = CreateInstance();
        ReelResult result = VulkanDevice.Create(instance, new VulkanDeviceOptions { PhysicalDevice = 64 }, "reel_test", out VulkanDevice? device);
        Assert.That(result, Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(device, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("reel_test: desc->physical_device is 64; allowed 0 (the best usable device) or 1 to "));
    }

    [Test]
    public void CreateInstance_WithoutValidation_HasNoLayerAndNoLog()
    {
        ReelResult result = VulkanInstance.Create(Loader, new VulkanInstanceOptions(), "test", out VulkanInstance? instance);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        using (instance)
        {
            Assert.That(instance!.EnabledLayers, Is.Empty);
            Assert.That(instance.ValidationLog, Is.Null);
            Assert.That(instance.DebugUtils, Is.Null, "VK_EXT_debug_utils is not enabled, so its entry points are not reachable");
        }
    }

    [Test]
    public void CreateInstance_UnknownExtension_IsUnsupported()
    {
        var options = new VulkanInstanceOptions { Extensions = ["VK_REEL_no_such_extension"] };
        Assert.That(VulkanInstance.Create(Loader, options, "test", out VulkanInstance? instance), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(instance, Is.Null);
        Assert.That(LastError.Message, Does.Contain("VK_REEL_no_such_extension"));
    }

    [Test]
    public void CreateInstance_Vulkan10_IsInvalidArgument()
    {
        var options = new VulkanInstanceOptions { ApiVersion = VulkanVersion.V1_0 };
        Assert.That(VulkanInstance.Create(Loader, options, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("1.0.0").And.Contain("1.1"));
    }
}
