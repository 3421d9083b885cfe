using System.Buffers;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Benchmarks;

/// <summary>
/// One get + return of a 1 MiB bitstream buffer and of a 1080p NV12 frame (3 110 400 bytes):
/// Reel's managed pools (the code behind reel_pool_acquire, without the C ABI) against
/// ArrayPool&lt;byte&gt;.Shared (the baseline) and NativeMemory.AlignedAlloc + first touch.
/// </summary>
[MemoryDiagnoser]
public unsafe class PoolBenchmarks
{
    private const int Page = 4096;

    private ReelContext _context = null!;
    private BytePool _bytes = null!;
    private FramePool _frames = null!;

    [Params(1 << 20, 1920 * 1080 * 3 / 2)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ReelContext.Create(new ContextOptions { Name = "bench" }, "bench", out ReelContext? context);
        _context = context!;
        PoolConfig.TryCreate(4, 16, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0, 0, PoolFlags.None, 16, "bench", out PoolConfig? config);
        BytePool.Create(_context, "bench", 1 << 20, 4 << 20, config!, "bench", out BytePool? bytes);
        FrameLayout.TryCreate(PixelFormat.Nv12, 1920, 1080, 0, 0, 0, "bench", out FrameLayout? layout);
        FramePool.Create(_context, "bench", layout!, config!, "bench", out FramePool? frames);
        _bytes = bytes!;
        _frames = frames!;
    }

    [GlobalCleanup]
    public void Cleanup() => ReelContext.Destroy(_context.Handle, "bench");

    [Benchmark(Baseline = true)]
    public byte ArrayPoolShared()
    {
        byte[] array = ArrayPool<byte>.Shared.Rent(Size);
        byte first = array[0];
        ArrayPool<byte>.Shared.Return(array);
        return first;
    }

    [Benchmark]
    public byte AlignedAllocFirstTouch()
    {
        byte* memory = (byte*)NativeMemory.AlignedAlloc((nuint)Size, 64);
        for (int offset = 0; offset < Size; offset += Page)
            memory[offset] = 1;
        byte first = memory[0];
        NativeMemory.AlignedFree(memory);
        return first;
    }

    [Benchmark]
    public ulong ReelPool()
    {
        Handle buffer;
        if (Size == 1 << 20)
            _bytes.AcquireBytes((nuint)Size, "bench", out buffer);
        else
            _frames.Acquire("bench", out buffer);
        Buffers.Release(buffer, "bench");
        return buffer.Value;
    }
}
