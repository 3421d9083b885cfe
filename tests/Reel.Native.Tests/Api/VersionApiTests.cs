using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

public unsafe class VersionApiTests
{
    [Test]
    public void Version_EqualsTheHeaderTheBindingsCameFrom()
    {
        Assert.That(ReelNative.reel_version(), Is.EqualTo(ReelNative.REEL_API_VERSION));
    }

    [Test]
    public void VersionString_IsMajorMinorPatch()
    {
        string expected = $"{ReelNative.REEL_VERSION_MAJOR}.{ReelNative.REEL_VERSION_MINOR}.{ReelNative.REEL_VERSION_PATCH}";
        Assert.That(Marshal.PtrToStringUTF8((nint)ReelNative.reel_version_string()), Is.EqualTo(expected));
    }
}
