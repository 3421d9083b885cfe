using System;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Cache;

/// <summary>
/// The sizes of a <see cref="FrameCache"/>. Counts bound the entries, the budget bounds the
/// bytes; whichever binds first evicts. Field names in messages are the C names the API
/// layer will use (<c>ring_size</c>, ...).
/// </summary>
/// <remarks>
/// The presets are sized for 8-bit 4:2:0 frames (NV12: width × height × 1.5 bytes) at 30 fps
/// with GOPs of about one second, the common case of camera and proxy media in an editor:
/// <list type="bullet">
/// <item>the ring holds at least one GOP ahead of the playhead (3/4 of the ring lies ahead), so
/// reverse play can show one GOP while the previous one is being decoded;</item>
/// <item>the prefetch depth covers a keyframe seek: a software decoder needs about
/// GOP × decode time per frame to reach the last frame of the previous GOP, and the depth in
/// frame periods must exceed that (1080p ≈ 5 ms/frame: 30 × 5 = 150 ms ≈ 5 periods; 4K ≈
/// 16 ms/frame: 480 ms ≈ 15 periods);</item>
/// <item>the LRU keeps the last few seconds of scrubbing (frames the ring slid past);</item>
/// <item>the budget is (ring + LRU) × the reference frame size, rounded up, so with 8-bit
/// frames the counts bind and with 10-bit (P010, twice the bytes) the budget does.</item>
/// </list>
/// <code>
/// preset      reference  frame     ring  lru  depth  queue  budget
/// Below720p   854×480    0.59 MiB  128   512  48     64     384 MiB   (640 frames, 21 s)
/// Hd1080p     1920×1080  2.97 MiB  64    192  24     32     768 MiB   (256 frames, 8.5 s)
/// Uhd4K       3840×2160  11.9 MiB  48    64   24     32     1344 MiB  (112 frames, 3.7 s)
/// </code>
/// </remarks>
public sealed class FrameCacheConfig
{
    /// <summary>Smallest <see cref="RingSize"/>.</summary>
    public const int MinRingSize = 4;

    /// <summary>Largest <see cref="RingSize"/>.</summary>
    public const int MaxRingSize = 65536;

    /// <summary>Largest <see cref="LruCapacity"/>.</summary>
    public const int MaxLruCapacity = 1 << 20;

    /// <summary>Smallest <see cref="MemoryBudgetBytes"/> (1 MiB).</summary>
    public const long MinMemoryBudgetBytes = 1L << 20;

    /// <summary>Largest <see cref="MemoryBudgetBytes"/> (1 TiB).</summary>
    public const long MaxMemoryBudgetBytes = 1L << 40;

    /// <summary>Largest <see cref="ProducerQueueCapacity"/>.</summary>
    public const int MaxProducerQueueCapacity = 4096;

    private const long MiB = 1L << 20;

    /// <summary>Slots of the ring that serves sequential play: a window of consecutive frames around the playhead.</summary>
    public int RingSize { get; init; } = 64;

    /// <summary>Frames kept for random access (scrubbing, frames the ring slid past); 0 disables the LRU.</summary>
    public int LruCapacity { get; init; } = 192;

    /// <summary>Frames requested ahead of the playhead in the detected direction; 0 disables prefetch.</summary>
    public int PrefetchDepth { get; init; } = 24;

    /// <summary>Most bytes of frames the cache holds references to.</summary>
    public long MemoryBudgetBytes { get; init; } = 768 * MiB;

    /// <summary>Most requests waiting for or being served by producers at once.</summary>
    public int ProducerQueueCapacity { get; init; } = 32;

    /// <summary>The sizes for a resolution class; see the table in the remarks.</summary>
    public static FrameCacheConfig ForPreset(FrameCachePreset preset) => preset switch
    {
        FrameCachePreset.Below720p => new FrameCacheConfig
        {
            RingSize = 128, LruCapacity = 512, PrefetchDepth = 48, ProducerQueueCapacity = 64, MemoryBudgetBytes = 384 * MiB,
        },
        FrameCachePreset.Uhd4K => new FrameCacheConfig
        {
            RingSize = 48, LruCapacity = 64, PrefetchDepth = 24, ProducerQueueCapacity = 32, MemoryBudgetBytes = 1344 * MiB,
        },
        _ => new FrameCacheConfig(),
    };

    /// <summary>The preset of a frame size: below 1280×720 pixels, up to 1920×1200, or larger.</summary>
    public static FrameCachePreset PresetFor(int width, int height)
    {
        long pixels = (long)width * height;
        if (pixels < 1280L * 720)
            return FrameCachePreset.Below720p;
        return pixels <= 1920L * 1200 ? FrameCachePreset.Hd1080p : FrameCachePreset.Uhd4K;
    }

    /// <summary>
    /// Checks every field; on failure sets <see cref="LastError"/> to a message that starts
    /// with <paramref name="prefix"/> (the C function and the struct, e.g.
    /// "reel_frame_cache_create: desc->") and names the field, its value and the allowed range.
    /// </summary>
    public ReelResult Validate(string prefix) => Check(RingSize, LruCapacity, PrefetchDepth, MemoryBudgetBytes, ProducerQueueCapacity, prefix);

    /// <summary>
    /// <see cref="Validate"/> on values as the host gave them, before they are narrowed to the
    /// config's types: the C API checks reel_frame_cache_desc_t's 32- and 64-bit fields with it,
    /// so a message shows the host's own value. Wide enough for negative values too.
    /// </summary>
    public static ReelResult Check(Int128 ringSize, Int128 lruCapacity, Int128 prefetchDepth, Int128 memoryBudgetBytes, Int128 producerQueueCapacity, string prefix)
    {
        if (ringSize < MinRingSize || ringSize > MaxRingSize)
            return Fail(prefix, $"ring_size is {ringSize}; must be {MinRingSize} to {MaxRingSize}");
        if (lruCapacity < 0 || lruCapacity > MaxLruCapacity)
            return Fail(prefix, $"lru_capacity is {lruCapacity}; must be 0 to {MaxLruCapacity}");
        if (prefetchDepth < 0 || prefetchDepth > ringSize)
            return Fail(prefix, $"prefetch_depth is {prefetchDepth}; must be 0 to ring_size ({ringSize}), so prefetched frames land in the ring");
        if (memoryBudgetBytes < MinMemoryBudgetBytes || memoryBudgetBytes > MaxMemoryBudgetBytes)
            return Fail(prefix, $"memory_budget is {memoryBudgetBytes}; must be {MinMemoryBudgetBytes} (1 MiB) to {MaxMemoryBudgetBytes} (1 TiB)");
        if (producerQueueCapacity < 1 || producerQueueCapacity > MaxProducerQueueCapacity)
            return Fail(prefix, $"queue_capacity is {producerQueueCapacity}; must be 1 to {MaxProducerQueueCapacity}");
        return ReelResult.Success;
    }

    private static ReelResult Fail(string prefix, string message) =>
        LastError.Set(ReelResult.ErrorInvalidArgument, prefix + message);
}
