using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class AudioAndBytePoolTests : PoolFixture
{
    [TestCase(SampleFormat.F32, 2u, 1024u, 8192u)]
    [TestCase(SampleFormat.S16, 6u, 480u, 5760u)]
    [TestCase(SampleFormat.S32, 8u, 800u, 25600u)]
    public void Audio_BufferHoldsInterleavedSamples(SampleFormat format, uint channels, uint samples, uint bytes)
    {
        Assert.That(AudioPool.Create(Context, "mix", format, channels, samples, 48000, Config(), "test", out AudioPool? pool), Is.EqualTo(ReelResult.Success), LastError.Message);
        Handle buffer = Acquire(pool!);
        Assert.That(Buffers.GetAudio(buffer, "test", out AudioView view), Is.EqualTo(ReelResult.Success));
        Assert.That(view.Pool.SlotPools[0].BufferSize, Is.EqualTo((nuint)bytes));
        Assert.That((long)view.Memory % 64, Is.EqualTo(0L), "64-byte aligned");
        Release(buffer);
    }

    [TestCase(0u, 1024u, "channels is 0; allowed 1 to 64")]
    [TestCase(65u, 1024u, "channels is 65")]
    [TestCase(2u, 0u, "samples_per_buffer is 0; allowed 1 to 1048576")]
    [TestCase(2u, 2_000_000u, "samples_per_buffer is 2000000")]
    public void Audio_BadShape_IsRefused(uint channels, uint samples, string message)
    {
        Assert.That(AudioPool.Create(Context, null, SampleFormat.F32, channels, samples, 0, Config(), "f", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("f: desc->" + message));
        Assert.That(AudioPool.Create(Context, null, (SampleFormat)4, 2, 2, 0, Config(), "f", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
    }

    [Test]
    public void Bytes_RequestGetsTheSmallestClassThatHoldsIt()
    {
        Assert.That(BytePool.Create(Context, "bits", 0, 0, Config(max: 4), "test", out BytePool? pool), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That((pool!.MinClassSize, pool.MaxClassSize, pool.SlotPools.Length), Is.EqualTo((65536UL, 16777216UL, 9)));
        var cases = new (nuint Request, nuint Capacity)[] { (1, 65536), (65536, 65536), (65537, 131072), (1 << 20, 1 << 20), (16 << 20, 16 << 20) };
        var held = new List<Handle>();
        foreach (var (request, capacity) in cases)
        {
            Assert.That(pool.AcquireBytes(request, "test", out Handle buffer), Is.EqualTo(ReelResult.Success), LastError.Message);
            Assert.That(Buffers.GetBytes(buffer, "test", out BytesView view), Is.EqualTo(ReelResult.Success));
            Assert.That((view.Capacity, view.Size), Is.EqualTo((capacity, request)));
            held.Add(buffer);
        }
        held.ForEach(Release);
    }

    [Test]
    public void Bytes_AboveTheTopClassOrZero_IsRefused()
    {
        BytePool.Create(Context, "bits", 1024, 4096, Config(), "test", out BytePool? pool);
        Assert.That(pool!.AcquireBytes(4097, "reel_pool_acquire_bytes", out Handle none), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(none.IsNull, Is.True);
        Assert.That(LastError.Message, Is.EqualTo("reel_pool_acquire_bytes: size is 4097; pool 'bits' serves 1 to 4096 bytes (its largest class, max_class_size)"));
        Assert.That(pool.AcquireBytes(0, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
    }

    [Test]
    public void Bytes_CapIsPerClass()
    {
        BytePool.Create(Context, "bits", 1024, 2048, Config(max: 1), "test", out BytePool? pool);
        Assert.That(pool!.AcquireBytes(1000, "test", out Handle small), Is.EqualTo(ReelResult.Success));
        Assert.That(pool.AcquireBytes(1000, "test", out _), Is.EqualTo(ReelResult.ErrorLimitReached), "the 1 KiB class is full");
        Assert.That(pool.AcquireBytes(2000, "test", out Handle large), Is.EqualTo(ReelResult.Success), "the 2 KiB class is not");
        Release(small);
        Release(large);
        PoolStats stats = pool.GetStats();
        Assert.That((stats.Capacity, stats.Acquires, stats.Releases), Is.EqualTo((2u, 2UL, 2UL)));
    }

    [Test]
    public void Bytes_SetSize_IsBoundedByCapacity()
    {
        BytePool.Create(Context, "bits", 1024, 1024, Config(), "test", out BytePool? pool);
        pool!.AcquireBytes(10, "test", out Handle buffer);
        Assert.That(Buffers.SetSize(buffer, 1024, "test"), Is.EqualTo(ReelResult.Success));
        Assert.That(Buffers.SetSize(buffer, 1025, "f"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("f: size is 1025; this buffer holds at most 1024 bytes (its size class)"));
        Release(buffer);
    }

    [TestCase(100UL, 0UL, "min_class_size is 100")]
    [TestCase(128UL, 0UL, "min_class_size is 128")]
    [TestCase(4096UL, 2048UL, "max_class_size is 2048")]
    [TestCase(4096UL, (1UL << 31), "max_class_size is 2147483648")]
    public void Bytes_BadClasses_AreRefused(ulong min, ulong max, string message)
    {
        Assert.That(BytePool.Create(Context, null, min, max, Config(), "f", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("f: desc->" + message));
    }

    [Test]
    public void Acquire_OnTheWrongKind_SaysWhichFunctionToUse()
    {
        BytePool.Create(Context, "bits", 0, 0, Config(), "test", out BytePool? bytes);
        Assert.That(bytes!.Acquire("reel_pool_acquire", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("use reel_pool_acquire_bytes"));
        FramePool frames = Frames();
        Assert.That(frames.AcquireBytes(10, "reel_pool_acquire_bytes", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("use reel_pool_acquire"));
    }
}
