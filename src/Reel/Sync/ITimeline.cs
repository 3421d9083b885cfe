namespace Reel.Sync;

/// <summary>
/// Anything whose progress is a growing 64-bit value: a <see cref="CpuTimeline"/>, or a
/// backend's GPU timeline (a Vulkan timeline semaphore). Deferred releases are keyed by it.
/// </summary>
public interface ITimeline
{
    /// <summary>
    /// Whether <paramref name="value"/> has completed. Called by the deferred queue on any
    /// thread, never under a lock the timeline could need; must not block.
    /// </summary>
    bool HasReached(ulong value);
}
