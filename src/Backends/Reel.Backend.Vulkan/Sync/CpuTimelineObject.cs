using Reel.Abi;
using Reel.Errors;
using Reel.Sync;

namespace Reel.Vulkan.Sync;

/// <summary>A <c>reel_timeline_t</c> backed by the core's <see cref="CpuTimeline"/>: signalled by the host, waited on by threads.</summary>
internal sealed class CpuTimelineObject : IReelTimeline
{
    private readonly CpuTimeline _timeline;

    /// <summary>A timeline at <paramref name="initialValue"/>.</summary>
    public CpuTimelineObject(ulong initialValue) => _timeline = new CpuTimeline(initialValue);

    /// <inheritdoc/>
    public bool IsGpu => false;

    /// <inheritdoc/>
    public bool HasReached(ulong value) => _timeline.HasReached(value);

    /// <inheritdoc/>
    public ReelResult GetValue(string function, out ulong value)
    {
        value = _timeline.Value;
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Signal(ulong value, string function)
    {
        if (_timeline.Signal(value))
            return ReelResult.Success;
        return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: value is {value}; the timeline is already at {_timeline.Value} and never goes back");
    }

    /// <inheritdoc/>
    public ReelResult Wait(ulong value, ulong timeoutNanoseconds, string function) =>
        _timeline.Wait(value, timeoutNanoseconds >= long.MaxValue ? long.MaxValue : (long)timeoutNanoseconds);
}
