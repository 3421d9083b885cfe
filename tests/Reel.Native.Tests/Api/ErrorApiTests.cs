using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

public unsafe class ErrorApiTests
{
    [Test]
    public void ResultName_EveryEnumeratorOfTheHeader()
    {
        foreach (reel_result_t result in Enum.GetValues<reel_result_t>().Where(r => r != reel_result_t.REEL_RESULT_MAX_ENUM))
            Assert.That(ReelNative.ResultName(result), Is.EqualTo(result.ToString()));
        Assert.That(ReelNative.ResultName((reel_result_t)(-1000)), Is.EqualTo("REEL_RESULT_UNKNOWN"));
    }

    [Test]
    public void LastError_IsPerThread()
    {
        Failure.Expect(ReelNative.reel_context_create(null, null), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "desc is NULL");
        string? other = null;
        var thread = new Thread(() => other = ReelNative.LastErrorMessage());
        thread.Start();
        thread.Join();
        Assert.That(other, Is.Empty, "a thread that never failed sees \"\"");
        Assert.That(ReelNative.LastErrorMessage(), Does.Contain("desc is NULL"));
    }
}
