using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Context;

namespace Reel.Tests.Context;

public class AttachmentTests
{
    private sealed class Recorder(string name, List<string> events, bool failOnDestroy = false) : IContextAttachment
    {
        public void OnFrame(long frame, long nowNanoseconds) => events.Add($"{name} frame {frame}");

        public void OnContextDestroyed()
        {
            events.Add($"{name} destroyed");
            if (failOnDestroy)
                throw new InvalidOperationException("boom");
        }
    }

    /// <summary>An attachment that only implements the required member.</summary>
    private sealed class Quiet : IContextAttachment
    {
        public int Destroyed;

        public void OnContextDestroyed() => Destroyed++;
    }

    [Test]
    public void Attachments_HearFrames_AndAreTornDownNewestFirst_EvenWhenOneThrows()
    {
        var events = new List<string>();
        ReelContext.Create(new ContextOptions(), "test", out ReelContext? context);
        var quiet = new Quiet();
        Assert.That(context!.Attach(new Recorder("session", events)), Is.True);
        Assert.That(context.Attach(quiet), Is.True);
        Assert.That(context.Attach(new Recorder("writer", events, failOnDestroy: true)), Is.True);
        Assert.That(context.AttachmentCount, Is.EqualTo(3));

        context.AdvanceFrame();
        Assert.That(events, Is.EqualTo(new[] { "session frame 1", "writer frame 1" }), "OnFrame is optional");

        events.Clear();
        Assert.That(ReelContext.Destroy(context.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(events, Is.EqualTo(new[] { "writer destroyed", "session destroyed" }), "newest first; a throwing one does not stop the rest");
        Assert.That(quiet.Destroyed, Is.EqualTo(1));
        Assert.That(context.AttachmentCount, Is.Zero);
        Assert.That(context.Attach(new Quiet()), Is.False, "a destroyed context takes no attachments");
    }

    [Test]
    public void Detach_StopsTicksAndTeardown()
    {
        var events = new List<string>();
        ReelContext.Create(new ContextOptions(), "test", out ReelContext? context);
        var recorder = new Recorder("cache", events);
        context!.Attach(recorder);
        context.Detach(recorder);
        context.Detach(recorder);  // unknown: ignored
        context.AdvanceFrame();
        ReelContext.Destroy(context.Handle, "test");
        Assert.That(events, Is.Empty);
    }
}
