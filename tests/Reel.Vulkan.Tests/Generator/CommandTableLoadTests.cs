using System.Collections.Generic;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Tests.Generator;

/// <summary>
/// The generated Load methods against a fake vkGetDeviceProcAddr that records what it is
/// asked for: an entry point is asked for only when its version or extension is enabled,
/// under the name that source gives it, and whatever stays null is reported.
/// </summary>
public unsafe class CommandTableLoadTests
{
    private static readonly List<string> s_requested = new();
    private static bool s_answer;

    [SetUp]
    public void Reset()
    {
        s_requested.Clear();
        s_answer = true;
    }

    [UnmanagedCallersOnly]
    private static void Placeholder()
    {
    }

    [UnmanagedCallersOnly]
    private static delegate* unmanaged<void> FakeGetDeviceProcAddr(VkDevice device, byte* name)
    {
        s_requested.Add(Marshal.PtrToStringUTF8((nint)name)!);
        return s_answer ? (delegate* unmanaged<void>)&Placeholder : null;
    }

    private static (VkDeviceCommands Table, List<string> Missing) Load(uint apiVersion, params string[] extensions)
    {
        var table = new VkDeviceCommands();
        var missing = new List<string>();
        table.Load(&FakeGetDeviceProcAddr, new VkDevice(0x1234), apiVersion, new HashSet<string>(extensions), missing);
        return (table, missing);
    }

    [Test]
    public void Load_Vulkan11WithSynchronization2_AsksForTheKhrAlias()
    {
        var (table, missing) = Load(VkConstants.VK_API_VERSION_1_1, "VK_KHR_synchronization2", "VK_KHR_timeline_semaphore");
        Assert.That(s_requested, Does.Contain("vkCmdPipelineBarrier2KHR").And.Contain("vkQueueSubmit2KHR").And.Contain("vkWaitSemaphoresKHR"));
        Assert.That(s_requested, Does.Not.Contain("vkCmdPipelineBarrier2"), "Vulkan 1.3 is not enabled");
        Assert.That(table.vkCmdPipelineBarrier2 != null, Is.True);
        Assert.That(missing, Does.Contain("vkCmdCopyBuffer2").And.Not.Contain("vkCmdPipelineBarrier2"));
    }

    [Test]
    public void Load_Vulkan13WithoutVideo_LeavesVideoCommandsNullUnasked()
    {
        var (table, missing) = Load(VkConstants.VK_API_VERSION_1_3);
        Assert.That(s_requested, Does.Contain("vkCmdPipelineBarrier2").And.Contain("vkCreateBuffer"));
        Assert.That(s_requested, Does.Not.Contain("vkCreateVideoSessionKHR").And.Not.Contain("vkCmdPipelineBarrier2KHR"));
        Assert.That(table.vkCreateVideoSessionKHR == null, Is.True);
        Assert.That(missing, Does.Contain("vkCreateVideoSessionKHR").And.Contain("vkCmdDecodeVideoKHR").And.Contain("vkSetDebugUtilsObjectNameEXT"));
        Assert.That(missing, Does.Not.Contain("vkQueueSubmit2"));
    }

    [Test]
    public void Load_WithVideoExtensions_AsksForVideoCommands()
    {
        var (table, missing) = Load(VkConstants.VK_API_VERSION_1_3, "VK_KHR_video_queue", "VK_KHR_video_decode_queue");
        Assert.That(table.vkCreateVideoSessionKHR != null && table.vkCmdDecodeVideoKHR != null, Is.True);
        Assert.That(missing, Does.Contain("vkCmdEncodeVideoKHR"), "encode is not enabled");
    }

    [Test]
    public void Load_LoaderReturnsNull_EveryAskedCommandIsMissing()
    {
        s_answer = false;
        var (_, missing) = Load(VkConstants.VK_API_VERSION_1_3);
        Assert.That(missing, Is.SupersetOf(s_requested));
        Assert.That(missing, Does.Contain("vkDestroyDevice"));
    }
}
