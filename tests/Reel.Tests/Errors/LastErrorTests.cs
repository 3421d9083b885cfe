using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Tests.Errors;

public unsafe class LastErrorTests
{
    [Test]
    public void Set_StoresResultMessageAndUtf8()
    {
        ReelResult returned = LastError.Set(ReelResult.ErrorInvalidArgument, "f: x is 3; allowed 0 to 2");
        Assert.That(returned, Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Result, Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("f: x is 3; allowed 0 to 2"));
        Assert.That(Marshal.PtrToStringUTF8((nint)LastError.Utf8), Is.EqualTo("f: x is 3; allowed 0 to 2"));
    }

    [Test]
    public void Message_IsPerThread()
    {
        LastError.Set(ReelResult.ErrorInvalidHandle, "main thread");
        string? seenByOther = null;
        string? otherAfterSet = null;
        var thread = new Thread(() =>
        {
            seenByOther = Marshal.PtrToStringUTF8((nint)LastError.Utf8);
            LastError.Set(ReelResult.ErrorUnsupported, "other thread");
            otherAfterSet = LastError.Message;
        });
        thread.Start();
        thread.Join();
        Assert.That(seenByOther, Is.Empty, "a thread with no failure sees \"\"");
        Assert.That(otherAfterSet, Is.EqualTo("other thread"));
        Assert.That(LastError.Message, Is.EqualTo("main thread"), "the other thread's failure does not leak here");
    }

    [Test]
    public void LongMessage_IsCutAtACharacterBoundary()
    {
        // 3-byte characters, so the 4095-byte cut falls exactly on a boundary only by luck; FromUtf16 must not split one.
        string text = new string('€', 2000);
        LastError.Set(ReelResult.ErrorInternal, text);
        byte* utf8 = LastError.Utf8;
        int length = 0;
        while (utf8[length] != 0)
            length++;
        Assert.That(length, Is.LessThanOrEqualTo(LastError.MaxMessageBytes));
        Assert.That(length % 3, Is.Zero, "no partial character at the end");
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.That(() => strict.GetString(utf8, length), Throws.Nothing);
    }
}
