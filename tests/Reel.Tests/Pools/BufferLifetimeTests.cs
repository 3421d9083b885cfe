using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

public unsafe class BufferLifetimeTests : PoolFixture
{
    [Test]
    public void Retain_KeepsTheBufferOutUntilTheLastRelease()
    {
        FramePool pool = Frames(config: Config(max: 1));
        Handle buffer = Acquire(pool);
        Assert.That(Buffers.Retain(buffer, "test"), Is.EqualTo(ReelResult.Success));
        Release(buffer);
        Assert.That(pool.GetStats().InUse, Is.EqualTo(1u), "one reference is left");
        Assert.That(Buffers.GetFrame(buffer, "test", out _), Is.EqualTo(ReelResult.Success), "still usable");
        Release(buffer);
        PoolStats stats = pool.GetStats();
        Assert.That((stats.InUse, stats.Available, stats.Releases), Is.EqualTo((0u, 1u, 1UL)));
    }

    [Test]
    public void DoubleRelease_IsAnInvalidHandle_AndFreesNothingTwice()
    {
        FramePool pool = Frames();
        Handle buffer = Acquire(pool);
        Release(buffer);
        Assert.That(Buffers.Release(buffer, "reel_buffer_release"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.StartWith("reel_buffer_release: buffer (0x03").And.EndWith("is stale: that reel_buffer_t was released"));
        AssertBalanced(pool);
        Assert.That(pool.GetStats().Releases, Is.EqualTo(1UL));
    }

    [Test]
    public void StaleHandle_DoesNotReachTheNextHolderOfTheSlot()
    {
        FramePool pool = Frames(config: Config(max: 1));
        Handle first = Acquire(pool);
        Release(first);
        Handle second = Acquire(pool);
        Assert.That(BufferHandles.PoolIndex(second), Is.EqualTo(BufferHandles.PoolIndex(first)), "same pool");
        Assert.That(second, Is.Not.EqualTo(first), "the slot moved to its next generation");
        Assert.That(Buffers.Retain(first, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(Buffers.Release(first, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(Buffers.SetPts(first, 5, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(Buffers.GetFrame(second, "test", out _), Is.EqualTo(ReelResult.Success), "the new holder is untouched");
        Release(second);
    }

    [Test]
    public void PtsAndTag_AreResetOnAcquire()
    {
        FramePool pool = Frames(config: Config(max: 1));
        Handle buffer = Acquire(pool);
        Buffers.SetPts(buffer, 1234, "test");
        Buffers.SetTag(buffer, 0xFEED, "test");
        Buffers.GetFrame(buffer, "test", out FrameView view);
        Assert.That((view.Pts, view.Tag), Is.EqualTo((1234L, 0xFEEDUL)));
        Release(buffer);
        buffer = Acquire(pool);
        Buffers.GetFrame(buffer, "test", out view);
        Assert.That((view.Pts, view.Tag), Is.EqualTo((0L, 0UL)));
        Release(buffer);
    }

    [Test]
    public void ZeroOnRelease_ClearsTheMemory()
    {
        FramePool pool = Frames(config: Config(max: 1, flags: PoolFlags.ZeroOnRelease));
        Handle buffer = Acquire(pool);
        nint memory = MemoryOf(buffer);
        new System.Span<byte>((void*)memory, (int)pool.Layout.Size).Fill(0xAB);
        Release(buffer);
        buffer = Acquire(pool);
        Assert.That(MemoryOf(buffer), Is.EqualTo(memory));
        Assert.That(new System.Span<byte>((void*)memory, (int)pool.Layout.Size).IndexOfAnyExcept((byte)0), Is.EqualTo(-1));
        Release(buffer);
    }

    [Test]
    public void Destroy_WithBuffersOut_FreesIdleNowAndTheRestOnRelease()
    {
        FramePool pool = Frames(config: Config(initial: 3, max: 3));
        Handle out1 = Acquire(pool);
        Handle out2 = Acquire(pool);
        long blocksBefore = LiveBlocks;
        Assert.That(Pool.Destroy(pool.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(LiveBlocks, Is.EqualTo(blocksBefore - 1), "the idle buffer is freed at once");
        Assert.That(PoolRegistry.TryResolve(pool.Handle, out _), Is.EqualTo(HandleError.Stale), "the pool handle is stale at once");

        Assert.That(Buffers.GetFrame(out1, "test", out _), Is.EqualTo(ReelResult.Success), "buffers out stay valid");
        Release(out1);
        Assert.That(LiveBlocks, Is.EqualTo(blocksBefore - 2));
        Release(out2);
        Assert.That(LiveBlocks, Is.EqualTo(blocksBefore - 3));
        Assert.That(Buffers.Release(out2, "test"), Is.EqualTo(ReelResult.ErrorInvalidHandle), "its buffer handles no longer resolve");
    }

    [Test]
    public void ContextDestroy_DestroysItsPools()
    {
        FramePool pool = Frames(config: Config(initial: 2, max: 2));
        Handle held = Acquire(pool);
        Assert.That(Context.Pools, Has.Length.EqualTo(1));
        ReelContext.Destroy(Context.Handle, "test");
        Assert.That(PoolRegistry.TryResolve(pool.Handle, out _), Is.EqualTo(HandleError.Stale));
        long remaining = LiveBlocks;
        Release(held);
        Assert.That(LiveBlocks, Is.EqualTo(remaining - 1), "the buffer still out is freed when released");
    }

    [Test]
    public void WrongBufferKind_IsReportedWithThePoolName()
    {
        FramePool pool = Frames(name: "video");
        Handle frame = Acquire(pool);
        Assert.That(Buffers.GetBytes(frame, "reel_buffer_get_bytes", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.EndWith("comes from frame pool 'video', not a bytes pool"));
        Release(frame);
    }

    [Test]
    public void ForgedAndForeignHandles_AreRefused()
    {
        Assert.That(Buffers.Release(Handle.Null, "f"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Is.EqualTo("f: buffer is NULL; expected a reel_buffer_t"));
        Assert.That(Buffers.Release(Context.Handle, "f"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
        Assert.That(LastError.Message, Does.Contain("is a reel_context_t, not a reel_buffer_t"));
        Assert.That(Buffers.Release(new Handle(HandleType.Buffer, 0xFFFFFFFF, 7), "f"), Is.EqualTo(ReelResult.ErrorInvalidHandle));
    }
}
