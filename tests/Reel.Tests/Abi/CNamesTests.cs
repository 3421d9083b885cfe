using NUnit.Framework;
using Reel.Abi;

namespace Reel.Tests.Abi;

public class CNamesTests
{
    [TestCase("Success", "SUCCESS")]
    [TestCase("ErrorInvalidHandle", "ERROR_INVALID_HANDLE")]
    [TestCase("Nv12", "NV12")]
    [TestCase("P010", "P010")]
    [TestCase("Rgba8", "RGBA8")]
    [TestCase("I420", "I420")]
    [TestCase("F32", "F32")]
    [TestCase("Av1Decode", "AV1_DECODE")]
    public void ToUpperSnake_PascalCase_MatchesHeaderSpelling(string pascal, string expected)
    {
        Assert.That(CNames.ToUpperSnake(pascal), Is.EqualTo(expected));
    }

    [Test]
    public void EnumMember_UsesPrefixAndSnakeCase()
    {
        Assert.That(CNames.EnumMember(ReelResult.ErrorLimitReached, "REEL_"), Is.EqualTo("REEL_ERROR_LIMIT_REACHED"));
        Assert.That(CNames.EnumMember(LogLevel.Trace, "REEL_LOG_LEVEL_"), Is.EqualTo("REEL_LOG_LEVEL_TRACE"));
        Assert.That(CNames.EnumMember((ReelResult)12345, "REEL_"), Is.Null);
    }
}
