using Reel.Abi;

namespace Reel.Pools;

/// <summary>What acquire does when every buffer up to the cap is in use: <c>reel_pool_exhaustion_t</c>.</summary>
[CType("reel_pool_exhaustion_t", MemberPrefix = "REEL_POOL_EXHAUSTION_")]
public enum ExhaustionPolicy
{
    /// <summary>Fail at once with REEL_ERROR_LIMIT_REACHED.</summary>
    Fail = 0,
    /// <summary>Wait up to <c>wait_timeout_ms</c> for a release; REEL_TIMEOUT when none comes.</summary>
    Wait = 1,
    /// <summary>Allocate past the cap (up to <c>grow_limit</c>), with a warning and a counter.</summary>
    Grow = 2,
}
