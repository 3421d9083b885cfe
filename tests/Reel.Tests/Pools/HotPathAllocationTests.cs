using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>The hot path allocates nothing on the GC heap: acquire, retain, release, metadata.</summary>
public class HotPathAllocationTests : PoolFixture
{
    private const int Cycles = 100_000;

    [Test]
    public void FrameAcquireRetainReleaseCycle_AllocatesZeroBytes()
    {
        FramePool pool = Frames(width: 1920, height: 1080, config: Config(initial: 4, max: 4));
        Cycle(pool, 1000); // warm up: JIT, tiering, statics

        long before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(pool, Cycles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero, $"{allocated} bytes allocated over {Cycles} cycles");
        Assert.That(pool.GetStats().Acquires, Is.EqualTo((ulong)(Cycles + 1000)));
    }

    [Test]
    public void ByteAcquireReleaseCycle_AllocatesZeroBytes()
    {
        Assert.That(BytePool.Create(Context, "bits", 0, 0, Config(initial: 2, max: 2), "test", out BytePool? pool), Is.EqualTo(ReelResult.Success));
        for (int i = 0; i < 1000; i++)
            ByteCycle(pool!);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Cycles; i++)
            ByteCycle(pool!);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private static void Cycle(FramePool pool, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (pool.Acquire("test", out Handle buffer) != ReelResult.Success
                || Buffers.Retain(buffer, "test") != ReelResult.Success
                || Buffers.SetPts(buffer, i, "test") != ReelResult.Success
                || Buffers.GetFrame(buffer, "test", out _) != ReelResult.Success
                || Buffers.Release(buffer, "test") != ReelResult.Success
                || Buffers.Release(buffer, "test") != ReelResult.Success)
            {
                Assert.Fail("a hot-path call failed");
            }
        }
    }

    private static void ByteCycle(BytePool pool)
    {
        if (pool.AcquireBytes(1 << 20, "test", out Handle buffer) != ReelResult.Success
            || Buffers.SetSize(buffer, 1000, "test") != ReelResult.Success
            || Buffers.Release(buffer, "test") != ReelResult.Success)
        {
            Assert.Fail("a hot-path call failed");
        }
    }
}
