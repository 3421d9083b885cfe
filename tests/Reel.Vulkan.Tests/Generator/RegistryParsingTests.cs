using NUnit.Framework;
using Reel.VulkanGen.Registry;
using Reel.VulkanGen.Selection;

namespace Reel.Vulkan.Tests.Generator;

/// <summary>The small parsers of the generator: C literals and depends expressions.</summary>
public class RegistryParsingTests
{
    [TestCase("256", 256L, false)]
    [TestCase("0x7FFFFFFF", 0x7FFFFFFFL, true)]
    [TestCase("(~0U)", 0xFFFFFFFFL, true)]
    [TestCase("(~1U)", 0xFFFFFFFEL, true)]
    [TestCase("(~0ULL)", -1L, true)]
    [TestCase("0ULL", 0L, false)]
    [TestCase("-1000", -1000L, false)]
    public void TryParseInteger_ReadsRegistryLiterals(string text, long expected, bool hex)
    {
        Assert.That(LiteralParser.TryParseInteger(text, out long value, out bool isHex), Is.True);
        Assert.That((value, isHex), Is.EqualTo((expected, hex)));
    }

    [Test]
    public void TryParse_FloatsStringsAndReferences()
    {
        Assert.That(LiteralParser.TryParseFloat("1000.0F", out double f) && f == 1000.0, Is.True);
        Assert.That(LiteralParser.TryParseString("\"VK_KHR_video_queue\"", out string s) ? s : null, Is.EqualTo("VK_KHR_video_queue"));
        Assert.That(LiteralParser.TryParseInteger("VK_STD_VULKAN_VIDEO_CODEC_H264_DECODE_API_VERSION_1_0_0", out _, out _), Is.False);
    }

    [TestCase("A", "A", true)]
    [TestCase("A+B", "A", false)]
    [TestCase("A,B", "B", true)]
    [TestCase("A+B,C", "C", true)]
    [TestCase("A+(B,C)", "C", false)]
    [TestCase("(VK_VERSION_1_1+VK_KHR_synchronization2),VK_VERSION_1_3", "VK_VERSION_1_3", true)]
    public void Evaluate_AndBindsTighterThanOr(string expression, string trueName, bool expected)
    {
        Assert.That(DependsExpression.Evaluate(expression, name => name == trueName), Is.EqualTo(expected));
    }

    [Test]
    public void Rewrite_ProducesParenthesisedCode()
    {
        string code = DependsExpression.Rewrite("VK_KHR_a+(VK_KHR_b,VK_VERSION_1_3)", n => $"Has({n})");
        Assert.That(code, Is.EqualTo("(Has(VK_KHR_a) && (Has(VK_KHR_b) || Has(VK_VERSION_1_3)))"));
    }

    [Test]
    public void Rewrite_MalformedExpression_Throws()
    {
        Assert.Throws<RegistryException>(() => DependsExpression.Rewrite("(A+B", n => n));
        Assert.Throws<RegistryException>(() => DependsExpression.Rewrite("A+", n => n));
    }

    [Test]
    public void Parse_Declaration_ReadsPointersArraysAndBitfields()
    {
        var pointer = CDeclaration.Parse(System.Xml.Linq.XElement.Parse("<member>const <type>char</type>* const*      <name>ppEnabledLayerNames</name></member>"));
        Assert.That((pointer.TypeName, pointer.PointerDepth, pointer.NativeType), Is.EqualTo(("char", 2, "const char *const *")));
        var array = CDeclaration.Parse(System.Xml.Linq.XElement.Parse("<member><type>uint8_t</type> <name>ScalingList4x4</name>[<enum>A</enum>][<enum>B</enum>]</member>"));
        Assert.That(array.ArrayDimensions, Is.EqualTo(new[] { "A", "B" }));
        var bits = CDeclaration.Parse(System.Xml.Linq.XElement.Parse("<member><type>uint32_t</type> <name>flag</name> : 1</member>"));
        Assert.That(bits.BitWidth, Is.EqualTo(1));
    }
}
