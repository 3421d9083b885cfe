using Reel.Abi;
using Reel.Sync;

namespace Reel.Vulkan.Sync;

/// <summary>
/// What a <c>reel_timeline_t</c> does, whatever backs it: a CPU timeline, or a Vulkan timeline
/// semaphore of a device. Values only grow; a value is "reached" once the timeline's value is
/// at least it. Deferred releases key on it through <see cref="ITimeline"/>.
/// </summary>
internal interface IReelTimeline : ITimeline
{
    /// <summary>Whether a timeline semaphore backs it.</summary>
    bool IsGpu { get; }

    /// <summary>The current value.</summary>
    ReelResult GetValue(string function, out ulong value);

    /// <summary>Raises the value to <paramref name="value"/> from the host; the current value does nothing; a lower one is refused.</summary>
    ReelResult Signal(ulong value, string function);

    /// <summary>Waits until <paramref name="value"/> is reached: Success, or Timeout after <paramref name="timeoutNanoseconds"/> (ulong.MaxValue: never).</summary>
    ReelResult Wait(ulong value, ulong timeoutNanoseconds, string function);
}
