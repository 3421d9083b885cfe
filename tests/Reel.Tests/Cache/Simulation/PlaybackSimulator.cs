using System;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// Plays a trace against a cache on a virtual clock: one access per display tick
/// (<see cref="FramePeriodMicroseconds"/>), the decoder working between ticks. A hit must be
/// in the cache at its tick; a miss stalls the playhead until the decoder has inserted the
/// frame, then the player asks again (a repeat, not counted) and goes on from there. The
/// player holds the frame on screen until the next one is shown, like a real display.
/// </summary>
internal sealed class PlaybackSimulator
{
    private readonly CountingFramePool _pool;

    /// <summary>A simulator whose frames come from <paramref name="pool"/>.</summary>
    public PlaybackSimulator(CountingFramePool pool) => _pool = pool;

    /// <summary>Display period in virtual microseconds (30 fps by default).</summary>
    public long FramePeriodMicroseconds { get; init; } = 1_000_000 / 30;

    /// <summary>Called after every access with its index, for checks at every step.</summary>
    public Action<int>? AfterAccess { get; init; }

    /// <summary>Plays <paramref name="trace"/> against <paramref name="cache"/> fed by a decoder of <paramref name="model"/>.</summary>
    public PlaybackResult Run(ISimulatedCache cache, DecoderModel model, bool insertsFramesOnTheWay, long[] trace)
    {
        var clock = new VirtualClock();
        var decoder = new SimulatedDecoder(model, _pool, cache, insertsFramesOnTheWay);
        long hits = 0, misses = 0, stalled = 0;
        ulong shown = 0;
        for (int i = 0; i < trace.Length; i++)
        {
            long frameNumber = trace[i];
            decoder.RunUntil(clock.Now);
            bool repeat = i > 0 && trace[i - 1] == frameNumber;
            if (cache.TryGet(frameNumber, out ulong frame))
            {
                // A repeat (a paused playhead) is not an access, as in FrameCacheStats.
                if (!repeat)
                    hits++;
            }
            else
            {
                if (!repeat)
                    misses++;
                long arrived = decoder.RunUntilInserted(frameNumber);
                stalled += Math.Max(0, arrived - clock.Now);
                clock.AdvanceTo(arrived);
                if (!cache.TryGet(frameNumber, out frame))
                    throw new InvalidOperationException($"frame {frameNumber} was inserted but is not in the cache");
            }
            if (!_pool.Holds(frame, frameNumber))
                throw new InvalidOperationException($"the cache handed out frame 0x{frame:x} for {frameNumber}, which does not hold that picture");
            if (shown != 0)
                _pool.Release(shown);
            shown = frame;
            AfterAccess?.Invoke(i);
            clock.AdvanceTo(clock.Now + FramePeriodMicroseconds);
        }
        if (shown != 0)
            _pool.Release(shown);
        return new PlaybackResult
        {
            Hits = hits,
            Misses = misses,
            StallMicroseconds = stalled,
            FramesDecoded = decoder.FramesDecoded,
        };
    }
}
