namespace Reel.Cache;

/// <summary>
/// The refcounts of frames the cache refers to but does not own: Reel's frame pools
/// implement it, tests use a counting fake. A frame is a non-zero 64-bit value (a pooled
/// frame handle); 0 means "no frame".
/// </summary>
/// <remarks>
/// <see cref="Retain"/> is called while the cache holds its lock (so that a lookup and the
/// consumer's reference are one step that no eviction can split): it must be quick, must not
/// block and must not call back into the cache. <see cref="Release"/> and <see cref="SizeOf"/>
/// are called without the lock; a release may be the last one and free memory through a host
/// allocator callback. All three may be called from any thread.
/// </remarks>
public interface IFrameLifetime
{
    /// <summary>Adds a reference to a live frame.</summary>
    void Retain(ulong frame);

    /// <summary>Drops one reference; the owner frees the frame when none is left.</summary>
    void Release(ulong frame);

    /// <summary>Bytes the frame occupies (what the cache's memory budget counts); at least 1.</summary>
    long SizeOf(ulong frame);
}
