using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Tests.Errors;

public unsafe class ResultNamesTests
{
    [Test]
    public void EveryResult_HasItsHeaderName()
    {
        Assert.That(ResultNames.Name(ReelResult.Success), Is.EqualTo("REEL_SUCCESS"));
        Assert.That(ResultNames.Name(ReelResult.ErrorInvalidHandle), Is.EqualTo("REEL_ERROR_INVALID_HANDLE"));
        foreach (ReelResult result in Enum.GetValues<ReelResult>())
        {
            string name = Marshal.PtrToStringUTF8((nint)ResultNames.Utf8((int)result))!;
            Assert.That(name, Does.StartWith("REEL_").And.EqualTo(ResultNames.Name(result)));
        }
    }

    // Values no release defines (3 and -7 became END_OF_STREAM and BAD_STATE in 0.1.0).
    [TestCase(-11)]
    [TestCase(4)]
    [TestCase(int.MinValue)]
    public void UnknownValue_IsNamedUnknown(int value)
    {
        Assert.That(Marshal.PtrToStringUTF8((nint)ResultNames.Utf8(value)), Is.EqualTo(ResultNames.Unknown));
    }

    [Test]
    public void Utf8Names_AreStable()
    {
        Assert.That((nint)ResultNames.Utf8(-2), Is.EqualTo((nint)ResultNames.Utf8(-2)), "static strings are interned once");
    }
}
