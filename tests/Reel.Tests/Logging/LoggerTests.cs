using System.Collections.Generic;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Logging;

namespace Reel.Tests.Logging;

public unsafe class LoggerTests
{
    private static readonly List<(nint UserData, LogLevel Level, string Message)> s_received = new();

    [UnmanagedCallersOnly]
    private static void Receive(void* userData, LogLevel level, byte* message)
    {
        lock (s_received)
            s_received.Add(((nint)userData, level, Marshal.PtrToStringUTF8((nint)message)!));
    }

    [SetUp]
    public void Clear()
    {
        lock (s_received)
            s_received.Clear();
    }

    private static Logger Create(LogLevel level) =>
        new(new LogCallback(&Receive, (void*)0x1234), level, "ctx");

    [Test]
    public void Write_DeliversPrefixedMessageWithUserData()
    {
        Create(LogLevel.Info).Write(LogLevel.Warning, "pool grown past its cap");
        Assert.That(s_received, Is.EqualTo(new[] { ((nint)0x1234, LogLevel.Warning, "ctx: pool grown past its cap") }));
    }

    [Test]
    public void Write_AboveLevel_IsDropped()
    {
        Logger logger = Create(LogLevel.Warning);
        Assert.That(logger.IsEnabled(LogLevel.Info), Is.False);
        logger.Write(LogLevel.Info, "not delivered");
        logger.Write(LogLevel.Error, "delivered");
        Assert.That(s_received, Has.Count.EqualTo(1));
        Assert.That(s_received[0].Level, Is.EqualTo(LogLevel.Error));
    }

    [Test]
    public void Write_LongNonAsciiMessage_ArrivesWhole()
    {
        string message = new string('é', 3000);
        Create(LogLevel.Trace).Write(LogLevel.Debug, message);
        Assert.That(s_received[0].Message, Is.EqualTo("ctx: " + message));
    }

    [Test]
    public void Silent_DeliversNothing()
    {
        Assert.That(Logger.Silent.IsEnabled(LogLevel.Error), Is.False);
        Logger.Silent.Write(LogLevel.Error, "x");
        Assert.That(s_received, Is.Empty);
    }
}
