using Reel.Abi;

namespace Reel.Simulation;

/// <summary>What the host in a soak run does wrong, if anything: <c>reel_soak_scenario_t</c>.</summary>
[CType("reel_soak_scenario_t", MemberPrefix = "REEL_SOAK_")]
public enum SoakScenario
{
    /// <summary>A well-behaved pipeline: memory must not grow and no alert may fire.</summary>
    Steady = 0,
    /// <summary>The host leaks one decoded frame per virtual minute after the warm-up.</summary>
    Leak = 1,
    /// <summary>Bursts of extra frames held for seconds, then released: bounded, no alert may fire.</summary>
    Bursty = 2,
}
