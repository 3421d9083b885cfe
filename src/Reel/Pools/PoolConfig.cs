using System;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Pools;

/// <summary>
/// The sizing and policy of a pool (<c>reel_pool_config_t</c>) after validation, with the
/// defaults applied. A pool is always bounded: <see cref="Max"/> buffers normally, at most
/// <see cref="GrowLimit"/> under the GROW policy.
/// </summary>
public sealed record PoolConfig
{
    /// <summary>Most buffers a pool can ever have (buffer handles carry an 18-bit slot index).</summary>
    public const uint SlotLimit = 1u << 18;

    /// <summary>Default wait of the WAIT policy.</summary>
    public const uint DefaultWaitTimeoutMs = 1000;

    /// <summary><c>REEL_WAIT_FOREVER</c>: wait_timeout_ms that never times out.</summary>
    public const uint WaitForever = uint.MaxValue;

    /// <summary>Buffers allocated at creation.</summary>
    public uint Initial { get; init; }

    /// <summary>The cap: buffers allocated before the exhaustion policy applies.</summary>
    public uint Max { get; init; }

    /// <summary>How the pool grows below the cap.</summary>
    public PoolGrowth Growth { get; init; }

    /// <summary>Buffers added per growth under <see cref="PoolGrowth.Linear"/>.</summary>
    public uint GrowthStep { get; init; } = 1;

    /// <summary>What acquire does at the cap.</summary>
    public ExhaustionPolicy Exhaustion { get; init; }

    /// <summary>Longest wait of the WAIT policy; <see cref="WaitForever"/> for none.</summary>
    public uint WaitTimeoutMs { get; init; } = DefaultWaitTimeoutMs;

    /// <summary>Most buffers under the GROW policy (equals <see cref="Max"/> otherwise).</summary>
    public uint GrowLimit { get; init; }

    /// <summary>Idle buffers older than this many frames are freed by the frame clock; 0 = never.</summary>
    public uint TrimIdleFrames { get; init; }

    /// <summary>Idle buffers older than this many milliseconds (frame-clock time) are freed by the frame clock; 0 = never.</summary>
    public uint TrimIdleMs { get; init; }

    /// <summary>Options such as zero-on-release.</summary>
    public PoolFlags Flags { get; init; }

    /// <summary>
    /// Applies defaults (<paramref name="defaultMax"/> when max is 0; grow_limit 4 × max under
    /// GROW) and checks ranges. <paramref name="where"/> prefixes messages, e.g.
    /// "reel_frame_pool_create: desc->config.".
    /// </summary>
    public static ReelResult TryCreate(
        uint initial, uint max, PoolGrowth growth, uint growthStep, ExhaustionPolicy exhaustion,
        uint waitTimeoutMs, uint growLimit, uint trimIdleFrames, uint trimIdleMs, PoolFlags flags, uint defaultMax,
        string where, out PoolConfig? config)
    {
        config = null;
        if (!Enum.IsDefined(growth))
            return Invalid(where, $"growth is {(int)growth}; allowed REEL_POOL_GROWTH_LINEAR (0), REEL_POOL_GROWTH_FIXED (1), REEL_POOL_GROWTH_EXPONENTIAL (2)");
        if (!Enum.IsDefined(exhaustion))
            return Invalid(where, $"exhaustion is {(int)exhaustion}; allowed REEL_POOL_EXHAUSTION_FAIL (0), REEL_POOL_EXHAUSTION_WAIT (1), REEL_POOL_EXHAUSTION_GROW (2)");
        if (((int)flags & ~(int)(PoolFlags.ZeroOnRelease | PoolFlags.ThreadCache)) != 0)
            return Invalid(where, $"flags is 0x{(int)flags:x}; known flags are REEL_POOL_FLAG_ZERO_ON_RELEASE (0x1) and REEL_POOL_FLAG_THREAD_CACHE (0x2)");

        max = max == 0 ? Math.Max(defaultMax, initial) : max;
        if (max > SlotLimit)
            return Invalid(where, $"max is {max}; allowed 1 to {SlotLimit}, or 0 for the default ({defaultMax})");
        if (growth == PoolGrowth.Fixed)
        {
            if (initial != 0 && initial != max)
                return Invalid(where, $"initial is {initial} but a REEL_POOL_GROWTH_FIXED pool preallocates max ({max}); set initial to 0 or {max}");
            initial = max;
        }
        if (initial > max)
            return Invalid(where, $"initial is {initial}, above max ({max})");
        if (growth == PoolGrowth.Linear && growthStep > max)
            return Invalid(where, $"growth_step is {growthStep}; allowed 0 (one) to max ({max})");

        if (exhaustion == ExhaustionPolicy.Grow)
        {
            ulong defaultLimit = Math.Min((ulong)max * 4, SlotLimit);
            growLimit = growLimit == 0 ? (uint)defaultLimit : growLimit;
            if (growLimit < max || growLimit > SlotLimit)
                return Invalid(where, $"grow_limit is {growLimit}; allowed max ({max}) to {SlotLimit}, or 0 for 4 x max");
        }
        else if (growLimit != 0)
        {
            return Invalid(where, $"grow_limit is {growLimit} but exhaustion is not REEL_POOL_EXHAUSTION_GROW; leave it 0");
        }
        else
        {
            growLimit = max;
        }

        config = new PoolConfig
        {
            Initial = initial,
            Max = max,
            Growth = growth,
            GrowthStep = growthStep == 0 ? 1 : growthStep,
            Exhaustion = exhaustion,
            WaitTimeoutMs = waitTimeoutMs == 0 ? DefaultWaitTimeoutMs : waitTimeoutMs,
            GrowLimit = growLimit,
            TrimIdleFrames = trimIdleFrames,
            TrimIdleMs = trimIdleMs,
            Flags = flags,
        };
        return ReelResult.Success;
    }

    private static ReelResult Invalid(string where, string message) =>
        LastError.Set(ReelResult.ErrorInvalidArgument, where + message);
}
