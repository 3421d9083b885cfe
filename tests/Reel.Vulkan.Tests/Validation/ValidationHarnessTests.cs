using System.Linq;
using NUnit.Framework;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Tests.Support;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Tests.Validation;

/// <summary>
/// The harness catches what it must: leaked objects at device destruction, synchronization
/// hazards, and any error-severity message. Each test provokes the error on purpose, declares
/// it expected, and checks that the log holds it.
/// </summary>
public unsafe class ValidationHarnessTests : VulkanTestBase
{
    /// <summary>The layer's id for objects still alive at vkDestroyDevice.</summary>
    private const string LeakId = "VUID-vkDestroyDevice-device-00378";

    [Test]
    public void LeakedBuffers_AreReportedAtDeviceDestroy_AndWouldFailTheTest()
    {
        VulkanDevice device = CreateDevice();
        // More than the layer's default duplicate limit (10): all must arrive.
        const int leaked = 12;
        for (int i = 0; i < leaked; i++)
            DeviceWork.CreateBuffer(device, 4096, BufferUsageFlags.TransferDstBit);
        Assert.That(Log.ErrorCount, Is.Zero, "creating the buffers is valid");

        DestroyAll();

        var leaks = Log.Errors.Where(m => m.MessageIdName == LeakId).ToList();
        Assert.That(leaks, Has.Count.EqualTo(leaked), string.Join("\n", Log.Errors));
        Assert.That(leaks, Has.All.Matches<ValidationMessage>(m => m.Text.Contains("VkBuffer") && m.Text.Contains("has not been destroyed")));
        Assert.That(UnexpectedErrors(), Is.EquivalentTo(leaks), "undeclared, the leaks are what teardown would fail this test on");

        ExpectValidationErrors(LeakId);
        Assert.That(UnexpectedErrors(), Is.Empty);
    }

    [Test]
    public void MissingBarrier_IsReportedAsSynchronizationHazard()
    {
        ExpectValidationErrors("SYNC-HAZARD");
        VulkanDevice device = CreateDevice();
        VulkanQueue queue = device.Transfer!;
        DeviceWork.HostBuffer source = DeviceWork.CreateHostBuffer(device, 4096,
            BufferUsageFlags.TransferSrcBit | BufferUsageFlags.TransferDstBit);
        DeviceWork.HostBuffer target = DeviceWork.CreateHostBuffer(device, 4096, BufferUsageFlags.TransferDstBit);
        var commands = DeviceWork.BeginCommands(device, queue);
        try
        {
            // A fill then a copy reading the filled range, with no barrier in between: read after write.
            device.Vk.CmdFillBuffer(commands.Buffer, source.Buffer, 0, 4096, 0xABCDEF01);
            var region = new BufferCopy { Size = 4096 };
            device.Vk.CmdCopyBuffer(commands.Buffer, source.Buffer, target.Buffer, 1, &region);
            DeviceWork.Check(device.Vk.EndCommandBuffer(commands.Buffer), "vkEndCommandBuffer");

            var hazards = Log.Errors.Where(m => m.MessageIdName.StartsWith("SYNC-HAZARD")).ToList();
            Assert.That(hazards, Is.Not.Empty, "synchronization validation is on");
            Assert.That(hazards[0].MessageIdName, Does.Contain("READ").And.Contain("AFTER").And.Contain("WRITE"));
        }
        finally
        {
            DeviceWork.DestroyCommands(device, commands);
            DeviceWork.Destroy(device, source);
            DeviceWork.Destroy(device, target);
        }
    }

    [Test]
    public void ErrorSeverityMessage_IsRecordedAndCounted()
    {
        ExpectValidationErrors("REEL-TEST");
        VulkanDevice device = CreateDevice();
        using var names = new Utf8Text("REEL-TEST-injected", "an error message sent through vkSubmitDebugUtilsMessageEXT");
        var data = new DebugUtilsMessengerCallbackDataEXT
        {
            SType = StructureType.DebugUtilsMessengerCallbackDataExt,
            PMessageIdName = names[0],
            MessageIdNumber = 0x5EE1,
            PMessage = names[1],
        };
        int before = Log.ErrorCount;
        device.Instance.DebugUtils!.SubmitDebugUtilsMessage(device.Instance.Handle,
            DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt,
            DebugUtilsMessageTypeFlagsEXT.GeneralBitExt, &data);

        Assert.That(Log.ErrorCount, Is.EqualTo(before + 1));
        ValidationMessage message = Log.Errors.Single(m => m.MessageIdName == "REEL-TEST-injected");
        Assert.That((message.MessageIdNumber, message.Text, message.IsError), Is.EqualTo((0x5EE1, "an error message sent through vkSubmitDebugUtilsMessageEXT", true)));
    }

    [Test]
    public void DuplicateMessageLimit_ReachesTheLayer()
    {
        VulkanDevice device = CreateDevice();
        bool layerSettings = device.Instance.EnabledExtensions.Contains(ExtensionNames.ExtLayerSettings);
        string? limit = LayerEnvironment.GetNative(LayerEnvironment.DuplicateMessageLimit);
        Assert.That(layerSettings || limit is not null, Is.True,
            "the limit reaches the layer through VK_EXT_layer_settings or, for older layers, through getenv");
    }
}
