using NUnit.Framework;
using Reel.Handles;

namespace Reel.Tests.Handles;

public class HandleTests
{
    [Test]
    public void Packing_RoundTrips()
    {
        var handle = new Handle(HandleType.Context, index: 0xDEADBEEF, generation: Handle.MaxGeneration);
        Assert.That(handle.Type, Is.EqualTo(HandleType.Context));
        Assert.That(handle.Index, Is.EqualTo(0xDEADBEEFu));
        Assert.That(handle.Generation, Is.EqualTo(Handle.MaxGeneration));
        Assert.That(new Handle(handle.Value), Is.EqualTo(handle));
    }

    [Test]
    public void TypeTag_IsTheTopByte_SoNoValidHandleIsZero()
    {
        var handle = new Handle(HandleType.Context, 0, 1);
        Assert.That(handle.Value >> 56, Is.EqualTo((ulong)HandleType.Context));
        Assert.That(handle.IsNull, Is.False);
        Assert.That(Handle.Null.IsNull, Is.True);
        Assert.That(Handle.Null.Value, Is.Zero);
    }

    [Test]
    public void ToString_PrintsLikePercentP()
    {
        Assert.That(new Handle(0x0100000100000002).ToString(), Is.EqualTo("0x0100000100000002"));
    }

    [Test]
    public void Describe_NamesArgumentTypeAndReason()
    {
        var context = new Handle(HandleType.Context, 3, 2);
        Assert.That(HandleErrorMessages.Describe(HandleError.Stale, context, HandleType.Context, "context"),
            Is.EqualTo("context (0x0100000200000003) is stale: that reel_context_t was destroyed"));
        Assert.That(HandleErrorMessages.Describe(HandleError.Null, Handle.Null, HandleType.Context, "context"),
            Is.EqualTo("context is NULL; expected a reel_context_t"));
        Assert.That(HandleErrorMessages.Describe(HandleError.WrongType, new Handle(0x7F00000100000000), HandleType.Context, "ctx"),
            Does.Contain("unknown type tag 0x7f").And.Contain("expected a reel_context_t"));
        Assert.That(HandleErrorMessages.Describe(HandleError.NeverIssued, context, HandleType.Context, "context"),
            Does.Contain("never issued").And.Contain("slot 3"));
    }
}
