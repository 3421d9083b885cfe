using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.Vulkan.Tests.Support;
using Reel.VulkanGen;
using Reel.VulkanGen.Emit;

namespace Reel.Vulkan.Tests.Generator;

/// <summary>The committed src/Backends/Reel.Backend.Vulkan/Generated is exactly what the generator writes, and the generator keeps it so.</summary>
public class GeneratedOutputTests
{
    private static GeneratedFiles s_files = null!;
    private string _scratch = null!;

    [OneTimeSetUp]
    public void Generate() => s_files = VulkanGenerator.GenerateFiles(RepoPaths.Registry, RepoPaths.Selection);

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("reel-vkgen-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void CommittedOutput_IsByteForByteWhatTheGeneratorWrites()
    {
        Assert.That(s_files.Compare(RepoPaths.Generated), Is.Empty,
            "src/Backends/Reel.Backend.Vulkan/Generated is stale: run build/tools/generate-vulkan.sh and commit the result");
        Assert.That(s_files.Files, Has.Count.EqualTo(Directory.GetFiles(RepoPaths.Generated, "*.cs", SearchOption.AllDirectories).Length));
    }

    [Test]
    public void Generate_TwiceFromTheSameInputs_IsIdentical()
    {
        IReadOnlyDictionary<string, string> second = VulkanGenerator.Generate(RepoPaths.Registry, RepoPaths.Selection);
        Assert.That(second.Keys, Is.EqualTo(s_files.Files.Keys));
        Assert.That(second.Where(kv => s_files.Files[kv.Key] != kv.Value).Select(kv => kv.Key), Is.Empty);
    }

    [Test]
    public void EveryFile_CarriesTheRegistryStamp()
    {
        var unstamped = s_files.Files.Where(kv => !kv.Value.StartsWith("// Generated from vk.xml 1.4.359 by build/tools/Reel.VulkanGen; do not edit.\n", StringComparison.Ordinal)
                                                  && !kv.Value.StartsWith("// Generated from video.xml 1.4.359 by build/tools/Reel.VulkanGen; do not edit.\n", StringComparison.Ordinal));
        Assert.That(unstamped.Select(kv => kv.Key), Is.Empty);
        Assert.That(s_files.Files["StdVideo/StdVideoH264SpsFlags.cs"], Does.StartWith("// Generated from video.xml 1.4.359"));
    }

    [Test]
    public void Output_HasOneFilePerCType()
    {
        Assert.That(s_files.Files.Keys, Does.Contain("Structs/VkBufferCreateInfo.cs")
            .And.Contain("Handles/VkDevice.cs")
            .And.Contain("Enums/VkStructureType.cs")
            .And.Contain("Structs/VkPhysicalDeviceMemoryBudgetPropertiesEXT.cs")
            .And.Contain("Structs/VkQueueFamilyVideoPropertiesKHR.cs")
            .And.Contain("StdVideo/StdVideoAV1SequenceHeader.cs")
            .And.Contain("StdVideo/StdVideoEncodeH265PictureInfo.cs")
            .And.Contain("Commands/VkDeviceCommands.cs"));
        Assert.That(s_files.Files.Keys.Where(k => k.StartsWith("Structs/", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension),
            Has.None.Contain("Xlib").And.None.Contain("Win32"), "nothing outside the selection's closure is emitted");
    }

    [Test]
    public void WriteTo_DeletesStaleFilesAndRewritesChangedOnes()
    {
        s_files.WriteTo(_scratch);
        File.WriteAllText(Path.Combine(_scratch, "Structs", "VkRemovedStruct.cs"), "// stale");
        File.AppendAllText(Path.Combine(_scratch, "Handles", "VkBuffer.cs"), "// edited by hand\n");
        Directory.CreateDirectory(Path.Combine(_scratch, "Obsolete"));
        File.WriteAllText(Path.Combine(_scratch, "Obsolete", "Old.cs"), "// stale");

        Assert.That(s_files.Compare(_scratch), Is.EquivalentTo(new[] { "changed Handles/VkBuffer.cs", "stale Obsolete/Old.cs", "stale Structs/VkRemovedStruct.cs" }));
        var (written, deleted) = s_files.WriteTo(_scratch);

        Assert.That((written, deleted), Is.EqualTo((1, 2)));
        Assert.That(Directory.Exists(Path.Combine(_scratch, "Obsolete")), Is.False, "an emptied folder is removed");
        Assert.That(s_files.Compare(_scratch), Is.Empty);
    }

    [Test]
    public void Main_Verify_ExitsNonZeroWhenTheOutputDiffers()
    {
        s_files.WriteTo(_scratch);
        string[] args = ["--registry", RepoPaths.Registry, "--selection", RepoPaths.Selection, "--output", _scratch, "--verify"];
        Assert.That(Program.Main(args), Is.Zero, "a fresh output verifies");

        File.Delete(Path.Combine(_scratch, "Enums", "VkResult.cs"));
        Assert.That(Program.Main(args), Is.EqualTo(1), "a missing file fails verification");
    }

    [Test]
    public void Main_WithoutOutput_IsAUsageError()
    {
        Assert.That(Program.Main(["--registry", RepoPaths.Registry, "--selection", RepoPaths.Selection]), Is.EqualTo(2));
    }
}
