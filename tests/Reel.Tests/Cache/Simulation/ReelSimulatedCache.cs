using Reel.Abi;
using Reel.Cache;

namespace Reel.Tests.Cache.Simulation;

/// <summary>The Reel <see cref="FrameCache"/> seen through <see cref="ISimulatedCache"/>.</summary>
internal sealed class ReelSimulatedCache : ISimulatedCache
{
    /// <summary>Wraps <paramref name="cache"/>.</summary>
    public ReelSimulatedCache(FrameCache cache) => Cache = cache;

    /// <summary>The cache under test.</summary>
    public FrameCache Cache { get; }

    /// <inheritdoc />
    public string Name => "Reel frame cache";

    /// <inheritdoc />
    public bool TryGet(long frameNumber, out ulong frame) => Cache.TryGet(frameNumber, out frame) == ReelResult.Success;

    /// <inheritdoc />
    public bool TryTakeRequest(out long frameNumber)
    {
        bool taken = Cache.TryTakeRequest(out FrameRequest request);
        frameNumber = request.FrameNumber;
        return taken;
    }

    /// <inheritdoc />
    public void Insert(long frameNumber, ulong frame) => Check(Cache.Insert(frameNumber, frame));

    /// <inheritdoc />
    public void AbandonRequest(long frameNumber) => Check(Cache.AbandonRequest(frameNumber));

    private static void Check(ReelResult result)
    {
        if (result != ReelResult.Success)
            throw new System.InvalidOperationException($"frame cache: {result}: {Reel.Errors.LastError.Message}");
    }
}
