using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>Asserts a failed call: its result code and the words its message must contain.</summary>
internal static class Failure
{
    public static void Expect(reel_result_t actual, reel_result_t expected, params string[] fragments)
    {
        string message = ReelNative.LastErrorMessage();
        Assert.That(actual, Is.EqualTo(expected), message);
        foreach (string fragment in fragments)
            Assert.That(message, Does.Contain(fragment));
    }
}
