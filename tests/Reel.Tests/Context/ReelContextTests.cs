using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;

namespace Reel.Tests.Context;

public unsafe class ReelContextTests
{
    private static readonly List<string> s_log = new();

    [UnmanagedCallersOnly]
    private static void Receive(void* userData, LogLevel level, byte* message)
    {
        lock (s_log)
            s_log.Add($"{level}: {Marshal.PtrToStringUTF8((nint)message)}");
    }

    [SetUp]
    public void Clear()
    {
        lock (s_log)
            s_log.Clear();
    }

    [Test]
    public void Create_Destroy_LogsLifecycleAndInvalidatesHandle()
    {
        var options = new ContextOptions
        {
            Name = "editor",
            LogCallback = new LogCallback(&Receive, null),
            LogLevel = LogLevel.Info,
        };
        Assert.That(ReelContext.Create(options, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        Handle handle = context!.Handle;
        Assert.That(handle.Type, Is.EqualTo(HandleType.Context));
        Assert.That(ReelContext.TryResolve(handle, out ReelContext? resolved), Is.EqualTo(HandleError.None));
        Assert.That(resolved, Is.SameAs(context));
        Assert.That(context.ApiVersion, Is.EqualTo(ReelVersion.Packed), "api_version 0 means this library's version");

        Assert.That(ReelContext.Destroy(handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(context.IsDestroyed, Is.True);
        Assert.That(ReelContext.TryResolve(handle, out _), Is.EqualTo(HandleError.Stale));
        Assert.That(s_log, Has.Count.EqualTo(2));
        Assert.That(s_log[0], Does.StartWith("Info: editor: context created"));
        Assert.That(s_log[1], Does.StartWith("Info: editor: context destroyed (0 pool(s), 0 deferred release(s) flushed, 0 buffer(s) still out)"));
    }

    [Test]
    public void Destroy_Twice_ReportsStaleHandleWithFunctionName()
    {
        ReelContext.Create(new ContextOptions(), "test", out ReelContext? context);
        ReelContext.Destroy(context!.Handle, "reel_context_destroy");
        Assert.That(ReelContext.Destroy(context.Handle, "reel_context_destroy"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith("reel_context_destroy: context (0x").And.EndWith("is stale: that reel_context_t was destroyed"));
    }

    [Test]
    public void Destroy_Null_IsANoOp()
    {
        Assert.That(ReelContext.Destroy(Handle.Null, "test"), Is.EqualTo(ReelResult.Success));
    }

    [Test]
    public void Create_NewerMajor_IsRefusedWithBothVersionsNamed()
    {
        var options = new ContextOptions { ApiVersion = ReelVersion.Make(ReelVersion.Major + 1, 0, 0) };
        Assert.That(ReelContext.Create(options, "reel_context_create", out ReelContext? context), Is.EqualTo(ReelResult.ErrorIncompatibleVersion));
        Assert.That(context, Is.Null);
        Assert.That(LastError.Message, Does.Contain("desc->api_version is 1.0.0").And.Contain($"this libreel is {ReelVersion.Text}"));
    }

    [Test]
    public void Create_BeyondLiveLimit_ReportsLimitReached()
    {
        int before = ReelContext.LiveCount;
        var created = new List<ReelContext>();
        try
        {
            for (int i = before; i < ReelContext.MaxLiveContexts; i++)
            {
                Assert.That(ReelContext.Create(new ContextOptions(), "test", out ReelContext? c), Is.EqualTo(ReelResult.Success));
                created.Add(c!);
            }
            Assert.That(ReelContext.Create(new ContextOptions(), "reel_context_create", out _), Is.EqualTo(ReelResult.ErrorLimitReached));
            Assert.That(LastError.Message, Does.Contain($"{ReelContext.MaxLiveContexts} contexts are alive"));
        }
        finally
        {
            foreach (ReelContext c in created)
                ReelContext.Destroy(c.Handle, "test");
        }
        Assert.That(ReelContext.LiveCount, Is.EqualTo(before));
        Assert.That(created.Select(c => c.Handle.Value).Distinct().Count(), Is.EqualTo(created.Count), "every handle is unique");
    }
}
