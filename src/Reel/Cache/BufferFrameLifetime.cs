using Reel.Handles;
using Reel.Pools;

namespace Reel.Cache;

/// <summary>
/// The frame cache's view of Reel's frame pools: a cached frame is a reel_buffer_t handle,
/// kept alive by the buffer's own refcount. Retain and release are the pools' lock-free
/// operations, so they are safe under the cache's lock.
/// </summary>
public sealed class BufferFrameLifetime : IFrameLifetime
{
    /// <summary>The shared instance (it has no state).</summary>
    public static readonly BufferFrameLifetime Instance = new();

    /// <inheritdoc/>
    public void Retain(ulong frame) => Buffers.Retain(new Handle(frame), "frame cache");

    /// <inheritdoc/>
    public void Release(ulong frame) => Buffers.Release(new Handle(frame), "frame cache");

    /// <inheritdoc/>
    public long SizeOf(ulong frame) =>
        Buffers.Resolve(new Handle(frame), out SlotPool? pool, out _) == HandleError.None ? (long)pool!.BufferSize : 1;
}
