using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.Vulkan.Tests.Support;
using Reel.VulkanGen;
using Reel.VulkanGen.Registry;
using Reel.VulkanGen.Selection;

namespace Reel.Vulkan.Tests.Generator;

/// <summary>The selection decides what is emitted, and a selection that asks for something out of scope fails with the line and the fix.</summary>
public class SelectionTests
{
    private static VulkanRegistry s_registry = null!;

    [OneTimeSetUp]
    public void ReadRegistry() => s_registry = RegistryReader.Read(RepoPaths.Registry);

    private static ResolvedSelection Resolve(params string[] lines) =>
        SelectionResolver.Resolve(s_registry, SelectionFile.Parse(lines, "test.txt"));

    [Test]
    public void Resolve_CommandReachesItsParameterTypesTransitively()
    {
        ResolvedSelection selection = Resolve("command vkCreateBuffer");
        Assert.That(selection.Emitted, Does.Contain("VkBufferCreateInfo")
            .And.Contain("VkAllocationCallbacks")
            .And.Contain("PFN_vkAllocationFunction")
            .And.Contain("VkSystemAllocationScope")
            .And.Contain("VkBufferUsageFlagBits")
            .And.Contain("VkBuffer"));
        Assert.That(selection.Emitted, Does.Not.Contain("VkImageCreateInfo"));
    }

    [Test]
    public void Resolve_EnumerantsComeFromCoreAndSelectedExtensionsOnly()
    {
        ResolvedSelection withoutVideo = Resolve("command vkCreateBuffer");
        ResolvedSelection withVideo = Resolve("extension VK_KHR_video_queue", "command vkCreateBuffer");
        string[] Names(ResolvedSelection s) => s.Enums.Single(e => e.Group.Name == "VkStructureType").Values.Select(v => v.Name).ToArray();
        Assert.That(Names(withoutVideo), Does.Contain("VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES"), "core 1.2 values are always in scope");
        Assert.That(Names(withoutVideo), Does.Not.Contain("VK_STRUCTURE_TYPE_VIDEO_PROFILE_INFO_KHR"));
        Assert.That(Names(withVideo), Does.Contain("VK_STRUCTURE_TYPE_VIDEO_PROFILE_INFO_KHR"));
    }

    [Test]
    public void Resolve_PromotedCommand_LoadsCoreNameFirstThenTheExtensionAlias()
    {
        ResolvedSelection selection = Resolve("extension VK_KHR_synchronization2", "command vkCmdPipelineBarrier2");
        SelectedCommand command = selection.Commands.Single();
        Assert.That(command.Level, Is.EqualTo(CommandLevel.Device));
        Assert.That(command.Sources.Select(s => (s.EntryPoint, s.Feature.Name)), Is.EqualTo(new[]
        {
            ("vkCmdPipelineBarrier2", "VK_BASE_VERSION_1_3"),
            ("vkCmdPipelineBarrier2KHR", "VK_KHR_synchronization2"),
        }));
    }

    [Test]
    public void Resolve_CommandOfAnUnlistedExtension_NamesTheExtension()
    {
        var e = Assert.Throws<RegistryException>(() => Resolve("command vkCreateVideoSessionKHR"))!;
        Assert.That(e.Message, Does.Contain("line 1").And.Contain("VK_KHR_video_queue"));
    }

    [Test]
    public void Resolve_AliasName_AsksForTheCanonicalName()
    {
        var e = Assert.Throws<RegistryException>(() => Resolve("extension VK_KHR_synchronization2", "command vkCmdPipelineBarrier2KHR"))!;
        Assert.That(e.Message, Does.Contain("line 2").And.Contain("list vkCmdPipelineBarrier2"));
    }

    [Test]
    public void Resolve_ExtensionStructWithoutItsExtension_Fails()
    {
        var e = Assert.Throws<RegistryException>(() => Resolve("type VkPhysicalDeviceMemoryBudgetPropertiesEXT"))!;
        Assert.That(e.Message, Does.Contain("VK_EXT_memory_budget"));
    }

    [Test]
    public void Resolve_UnknownNames_FailWithTheLine()
    {
        Assert.That(Assert.Throws<RegistryException>(() => Resolve("", "command vkDoesNotExist"))!.Message, Does.Contain("line 2").And.Contain("vkDoesNotExist"));
        Assert.That(Assert.Throws<RegistryException>(() => Resolve("extension VK_KHR_nope"))!.Message, Does.Contain("VK_KHR_nope"));
        Assert.That(Assert.Throws<RegistryException>(() => Resolve("constant VK_NOPE"))!.Message, Does.Contain("VK_NOPE"));
    }

    [Test]
    public void Parse_RejectsUnknownKindsAndDuplicates()
    {
        Assert.That(Assert.Throws<RegistryException>(() => SelectionFile.Parse(["struct VkBufferCreateInfo"], "s.txt"))!.Message, Does.Contain("s.txt:1").And.Contain("unknown kind"));
        Assert.That(Assert.Throws<RegistryException>(() => SelectionFile.Parse(["command vkCreateBuffer", "command vkCreateBuffer # again"], "s.txt"))!.Message, Does.Contain("s.txt:2").And.Contain("twice"));
    }

    [Test]
    public void Resolve_BitmaskWhoseBitsNoSelectedExtensionDefines_IsAPlainInteger()
    {
        ResolvedSelection selection = Resolve("extension VK_KHR_video_queue", "extension VK_KHR_video_encode_queue", "command vkCmdEncodeVideoKHR", "command vkCmdControlVideoCodingKHR");
        Assert.That(selection.Emitted, Does.Contain("VkVideoEncodeFlagsKHR").And.Not.Contain("VkVideoEncodeFlagBitsKHR"),
            "VkVideoEncodeFlagBitsKHR only exists with VK_KHR_video_encode_quantization_map");
        var mapper = new Reel.VulkanGen.Emit.TypeMapper(s_registry, selection.Emitted);
        Assert.That(mapper.MapName("VkVideoEncodeFlagsKHR"), Is.EqualTo("uint"));
        Assert.That(mapper.MapName("VkVideoCodingControlFlagsKHR"), Is.EqualTo("VkVideoCodingControlFlagBitsKHR"));
    }

    [Test]
    public void CommittedSelection_Resolves()
    {
        ResolvedSelection selection = SelectionResolver.Resolve(s_registry, SelectionFile.Read(RepoPaths.Selection));
        Assert.That(selection.Commands.Select(c => c.Command.Name), Does.Contain("vkQueueSubmit2").And.Contain("vkCmdDecodeVideoKHR"));
        Assert.That(Path.GetFileName(RepoPaths.Selection), Is.EqualTo("selection.txt"));
    }
}
