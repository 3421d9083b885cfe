using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.Native.Tests.Contract;

/// <summary>The committed .NET bindings are exactly what the headers generate, one file per header.</summary>
public class GeneratedBindingsTests
{
    [Test]
    public void CommittedBindings_AreWhatTheHeadersGenerate()
    {
        HeaderModel headers = HeaderParser.Parse(RepoPaths.Headers);
        foreach (string header in headers.Headers)
        {
            string path = Path.Combine(RepoPaths.GeneratedBindings, DotNetBindingsGenerator.FileName(header));
            Assert.That(File.Exists(path), Is.True, $"{path} is missing: run build/tools/generate-bindings.sh");
            Assert.That(File.ReadAllText(path), Is.EqualTo(DotNetBindingsGenerator.Generate(headers, header)),
                $"{path} is stale: run build/tools/generate-bindings.sh and commit the result");
        }
        var expected = headers.Headers.Select(DotNetBindingsGenerator.FileName).Order().ToArray();
        var present = Directory.GetFiles(RepoPaths.GeneratedBindings, "*.g.cs").Select(Path.GetFileName).Order().ToArray();
        Assert.That(present, Is.EqualTo(expected), "a generated file no header generates any more");
    }

    [Test]
    public void Generator_IsDeterministic()
    {
        HeaderModel first = HeaderParser.Parse(RepoPaths.Headers);
        HeaderModel second = HeaderParser.Parse(RepoPaths.Headers);
        foreach (string header in first.Headers)
            Assert.That(DotNetBindingsGenerator.Generate(first, header), Is.EqualTo(DotNetBindingsGenerator.Generate(second, header)));
    }

    [Test]
    public void VulkanTypes_AreCarriedByTheirAbiKind()
    {
        string vulkan = DotNetBindingsGenerator.Generate(HeaderParser.Parse(RepoPaths.Headers), "reel_vulkan.h");
        Assert.That(vulkan, Does.Contain("public nint vk_device;"), "dispatchable handles are pointer-sized");
        Assert.That(vulkan, Does.Contain("public ulong vk_image;"), "non-dispatchable handles are 64 bits");
        Assert.That(vulkan, Does.Contain("public int vk_format;"), "VkFormat is a 32-bit enum");
        Assert.That(vulkan, Does.Contain("(C type: VkDevice)"), "the doc keeps the C type");
        Assert.That(vulkan, Does.Not.Contain("public const string LibraryName"), "declared once, in reel.h's file");
    }
}
