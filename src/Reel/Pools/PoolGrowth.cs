using Reel.Abi;

namespace Reel.Pools;

/// <summary>How a pool adds buffers when it runs dry below its cap: <c>reel_pool_growth_t</c>.</summary>
[CType("reel_pool_growth_t", MemberPrefix = "REEL_POOL_GROWTH_")]
public enum PoolGrowth
{
    /// <summary>Add <c>growth_step</c> buffers at a time (default: one).</summary>
    Linear = 0,
    /// <summary>Allocate all <c>max</c> buffers at creation; afterwards only replace trimmed ones, one at a time.</summary>
    Fixed = 1,
    /// <summary>Double the number of allocated buffers (at least one), up to the cap.</summary>
    Exponential = 2,
}
