using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Bindings.Tests.Objects;

/// <summary>ReelContext: creation, Reel's messages as exceptions, the log callback, telemetry, disposal.</summary>
public class ContextTests
{
    [Test]
    public void Create_NameTooLong_ThrowsWithReelsMessage()
    {
        var error = Assert.Throws<ReelException>(() => ReelContext.Create(new string('x', 64)))!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_ERROR_INVALID_ARGUMENT));
        Assert.That(error.ReelMessage, Does.StartWith("reel_context_create: desc->name"));
        Assert.That(error.Message, Does.StartWith("REEL_ERROR_INVALID_ARGUMENT: reel_context_create: desc->name"));
    }

    [Test]
    public void Create_NameWithNul_IsRefusedBeforeReel()
    {
        Assert.Throws<ArgumentException>(() => ReelContext.Create("a\0b"));
    }

    [Test]
    public void Log_DeliversReelsMessagesUpToTheLevel()
    {
        var messages = new ConcurrentQueue<(reel_log_level_t Level, string Text)>();
        using (ReelContext.Create("logged", (level, text) => messages.Enqueue((level, text)), reel_log_level_t.REEL_LOG_LEVEL_INFO))
        {
        }
        Assert.That(messages.Select(m => m.Text), Has.Some.Contains("context destroyed"));
        Assert.That(messages.Select(m => m.Level), Has.All.LessThanOrEqualTo(reel_log_level_t.REEL_LOG_LEVEL_INFO));
    }

    [Test]
    public void Log_ThrowingCallback_DoesNotReachReel()
    {
        using var context = ReelContext.Create("throws", (_, _) => throw new InvalidOperationException("host logger broke"), reel_log_level_t.REEL_LOG_LEVEL_TRACE);
        Assert.That(context.AdvanceFrame(), Is.EqualTo(1UL));
    }

    [Test]
    public void Telemetry_FrameClockMemoryAndJson()
    {
        using var context = ReelContext.Create("telemetry");
        using var pool = ReelPool.CreateFramePool(context, reel_pixel_format_t.REEL_PIXEL_FORMAT_NV12, 64, 64, max: 4);
        using (pool.Acquire())
        {
            Assert.That(context.GetMemory().buffers_out, Is.EqualTo(1u));
            Assert.That(context.CountOutstandingBuffers(), Is.EqualTo(1u));
        }
        Assert.That(context.AdvanceFrame(), Is.EqualTo(1UL));
        Assert.That(context.AdvanceFrame(), Is.EqualTo(2UL));
        context.SetMemoryBudget(1 << 20);
        context.TakeSnapshot();
        reel_memory_stats_t memory = context.GetMemory();
        Assert.That((memory.frame, memory.budget, memory.buffers_out), Is.EqualTo((2UL, 1UL << 20, 0u)));
        using JsonDocument json = JsonDocument.Parse(context.GetStatsJson());
        Assert.That(json.RootElement.GetProperty("reel_version").GetString(), Is.EqualTo(ReelLibrary.VersionString));
        Assert.That(json.RootElement.GetProperty("context").GetProperty("name").GetString(), Is.EqualTo("telemetry"));
    }

    [Test]
    public void Dispose_Twice_IsHarmless_AndUseAfterwardsThrowsObjectDisposed()
    {
        var context = ReelContext.Create();
        context.Dispose();
        context.Dispose();
        Assert.Throws<ObjectDisposedException>(() => context.AdvanceFrame());
    }

    [Test]
    public void ContextDisposedFirst_ObjectsMadeFromIt_FailWithReelsMessage_AndDisposeQuietly()
    {
        var context = ReelContext.Create();
        var pool = ReelPool.CreateFramePool(context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 16, 16);
        ReelBuffer frame = pool.Acquire();
        context.Dispose();
        var error = Assert.Throws<ReelException>(() => pool.GetStats())!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_ERROR_INVALID_HANDLE));
        Assert.That(frame.GetFrame().Width, Is.EqualTo(16), "a buffer out stays valid after its pool is destroyed");
        frame.Dispose();
        Assert.DoesNotThrow(pool.Dispose);
    }
}
