using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.Native.Tests.Contract;

/// <summary>
/// The export layer's C struct mirrors (src/Reel.Native/Generated) are exactly what the
/// headers generate, one file per C struct, each stamped with its header; nothing in that
/// folder is written by hand.
/// </summary>
public class GeneratedMirrorsTests
{
    [Test]
    public void CommittedMirrors_AreWhatTheHeadersGenerate()
    {
        HeaderModel headers = HeaderParser.Parse(RepoPaths.Headers);
        var generated = MirrorsGenerator.Generate(headers);
        Assert.That(generated, Has.Count.EqualTo(headers.Structs.Count));
        foreach (var (file, text) in generated)
        {
            string path = Path.Combine(RepoPaths.GeneratedMirrors, file);
            Assert.That(File.Exists(path), Is.True, $"{path} is missing: run build/tools/generate-bindings.sh");
            Assert.That(File.ReadAllText(path), Is.EqualTo(text), $"{path} is stale: run build/tools/generate-bindings.sh and commit the result");
        }
        var present = Directory.GetFiles(RepoPaths.GeneratedMirrors).Select(Path.GetFileName).Order().ToArray();
        Assert.That(present, Is.EqualTo(generated.Keys.Order().ToArray()), "src/Reel.Native/Generated holds a file no header generates");
    }

    [Test]
    public void EachMirror_NamesItsHeaderAndFirstPublishedSize()
    {
        HeaderModel headers = HeaderParser.Parse(RepoPaths.Headers);
        var generated = MirrorsGenerator.Generate(headers);
        Assert.That(generated["reel_device_info_t.g.cs"], Does.Contain("Generated from reel_vulkan.h")
            .And.Contain("internal unsafe partial struct reel_device_info_t : IVersionedStruct")
            .And.Contain("public static uint FirstPublishedSize => 648;")
            .And.Contain("public nint vk_device;"));
        Assert.That(generated["reel_context_desc_t.g.cs"], Does.Contain("Generated from reel.h")
            .And.Contain("public reel_log_level_t log_level;")
            .And.Contain("public static uint FirstPublishedSize => 152;"));
        Assert.That(generated["reel_allocator_t.g.cs"], Does.Not.Contain("IVersionedStruct"), "no struct_size, not versioned");
    }

    [Test]
    public void VersionedStructWithoutPublishedSize_IsRefused()
    {
        var s = new CStruct("reel_x_t", 8, 4, [new CField("struct_size", new CPrimitive(CPrimitiveKind.U32, "uint32_t"), 0, 4, "/**< size */"),
            new CField("value", new CPrimitive(CPrimitiveKind.U32, "uint32_t"), 4, 4, "/**< a value */")], "/** A thing. */", "reel.h");
        var model = new HeaderModel(["reel.h"], [], [], [s], [], [], [], []);
        Assert.That(() => MirrorsGenerator.Generate(model), Throws.InvalidOperationException.With.Message.Contains("Published in <version> at <N> bytes"));
    }
}
