using System;
using System.Collections.Generic;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// The access traces of an editor's playhead, one frame number per display tick.
/// Deterministic: the scrub trace takes a seed.
/// </summary>
internal static class Traces
{
    /// <summary>Forward play of <paramref name="count"/> frames from <paramref name="start"/>.</summary>
    public static long[] Forward(long start, int count)
    {
        var trace = new long[count];
        for (int i = 0; i < count; i++)
            trace[i] = start + i;
        return trace;
    }

    /// <summary>Reverse play of <paramref name="count"/> frames from <paramref name="start"/> down.</summary>
    public static long[] Reverse(long start, int count)
    {
        var trace = new long[count];
        for (int i = 0; i < count; i++)
            trace[i] = start - i;
        return trace;
    }

    /// <summary>Forward play of A..B (inclusive), <paramref name="iterations"/> times.</summary>
    public static long[] Loop(long a, long b, int iterations)
    {
        var trace = new List<long>();
        for (int i = 0; i < iterations; i++)
        {
            for (long frame = a; frame <= b; frame++)
                trace.Add(frame);
        }
        return trace.ToArray();
    }

    /// <summary>
    /// A user scrubbing the timeline: drags of 8–40 ticks at 1–8 frames per tick, forward
    /// or backward, the hand's speed wavering by ±1 on a third of the ticks; 85 % of drags
    /// start where the last one ended (searching back and forth around a cut), 15 % start
    /// with a click at a random place of the clip. A drag that reaches an end of the clip
    /// turns back, so the playhead never shows the same frame twice in a row.
    /// </summary>
    public static long[] Scrub(int seed, long frameCount, int count)
    {
        var random = new Random(seed);
        int[] speeds = [1, 2, 3, 4, 6, 8];
        var trace = new long[count];
        long position = random.NextInt64(frameCount);
        int i = 0;
        while (i < count)
        {
            if (i > 0 && random.NextDouble() < 0.15)
                position = random.NextInt64(frameCount);
            int velocity = speeds[random.Next(speeds.Length)] * (random.Next(2) == 0 ? -1 : 1);
            int length = random.Next(8, 41);
            for (int tick = 0; tick < length && i < count; tick++)
            {
                int speed = velocity;
                if (random.NextDouble() < 1.0 / 3)
                    speed += random.Next(2) == 0 ? -1 : 1;
                if (speed == 0)
                    speed = velocity;
                if (position + speed < 0 || position + speed >= frameCount)
                {
                    // The hand bounces off the ends of the timeline.
                    velocity = -velocity;
                    speed = -speed;
                }
                position += speed;
                trace[i++] = position;
            }
        }
        return trace;
    }
}
