using System;
using System.Runtime.InteropServices;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>
/// A context whose allocator counts live blocks and bytes (a host allocator, as the C API
/// would install), plus helpers to create pools with the C defaults.
/// </summary>
public abstract unsafe class PoolFixture
{
    private static long s_liveBlocks;
    private static long s_liveBytes;

    [UnmanagedCallersOnly]
    private static void* CountingAlloc(void* userData, nuint size, nuint alignment)
    {
        Interlocked.Increment(ref s_liveBlocks);
        Interlocked.Add(ref s_liveBytes, (long)size);
        return NativeMemory.AlignedAlloc(size, alignment);
    }

    [UnmanagedCallersOnly]
    private static void CountingFree(void* userData, void* memory, nuint size, nuint alignment)
    {
        Interlocked.Decrement(ref s_liveBlocks);
        Interlocked.Add(ref s_liveBytes, -(long)size);
        NativeMemory.AlignedFree(memory);
    }

    /// <summary>Live blocks when the test started (another fixture's failure must not fail this one).</summary>
    private long _blocksAtStart;

    protected ReelContext Context { get; private set; } = null!;

    /// <summary>Blocks the host allocator has handed out and not got back.</summary>
    protected static long LiveBlocks => Interlocked.Read(ref s_liveBlocks);

    /// <summary>Bytes the host allocator has handed out and not got back.</summary>
    protected static long LiveBytes => Interlocked.Read(ref s_liveBytes);

    [SetUp]
    public void CreateContext()
    {
        _blocksAtStart = LiveBlocks;
        var options = new ContextOptions { Name = "pools", Allocator = new UnmanagedAllocator(&CountingAlloc, &CountingFree, null) };
        Assert.That(ReelContext.Create(options, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        Context = context!;
    }

    [TearDown]
    public void DestroyContext()
    {
        ReelContext.Destroy(Context.Handle, "test");
        Assert.That(LiveBlocks, Is.EqualTo(_blocksAtStart), "every buffer went back to the host allocator");
    }

    protected static PoolConfig Config(uint initial = 0, uint max = 0, PoolGrowth growth = PoolGrowth.Linear, uint growthStep = 0,
        ExhaustionPolicy exhaustion = ExhaustionPolicy.Fail, uint waitMs = 0, uint growLimit = 0, uint trimFrames = 0,
        PoolFlags flags = PoolFlags.None, uint defaultMax = 16, uint trimMs = 0)
    {
        ReelResult result = PoolConfig.TryCreate(initial, max, growth, growthStep, exhaustion, waitMs, growLimit, trimFrames, trimMs, flags, defaultMax, "test: ", out PoolConfig? config);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        return config!;
    }

    protected FramePool Frames(PixelFormat format = PixelFormat.Nv12, uint width = 64, uint height = 48, PoolConfig? config = null, string? name = null)
    {
        Assert.That(FrameLayout.TryCreate(format, width, height, 0, 0, 0, "test: ", out FrameLayout? layout), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(FramePool.Create(Context, name, layout!, config ?? Config(), "test", out FramePool? pool), Is.EqualTo(ReelResult.Success), LastError.Message);
        return pool!;
    }

    protected static Handle Acquire(Pool pool)
    {
        Assert.That(pool.Acquire("test", out Handle buffer), Is.EqualTo(ReelResult.Success), LastError.Message);
        return buffer;
    }

    protected static void Release(Handle buffer) =>
        Assert.That(Buffers.Release(buffer, "test"), Is.EqualTo(ReelResult.Success), LastError.Message);

    protected static nint MemoryOf(Handle frame)
    {
        Assert.That(Buffers.GetFrame(frame, "test", out FrameView view), Is.EqualTo(ReelResult.Success), LastError.Message);
        return view.Memory;
    }

    /// <summary>The invariant every quiescent pool keeps.</summary>
    protected static void AssertBalanced(Pool pool)
    {
        PoolStats stats = pool.GetStats();
        Assert.That(stats.Allocated, Is.EqualTo(stats.Available + stats.InUse), "allocated = available + in use");
        Assert.That(stats.Acquires, Is.EqualTo(stats.Releases + stats.InUse), "acquires = releases + in use");
    }

    protected static TimeSpan Elapsed(Action action)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
