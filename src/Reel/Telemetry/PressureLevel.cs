using Reel.Abi;

namespace Reel.Telemetry;

/// <summary>How close the context is to its memory budget: <c>reel_pressure_level_t</c>.</summary>
[CType("reel_pressure_level_t", MemberPrefix = "REEL_PRESSURE_")]
public enum PressureLevel
{
    /// <summary>Below the medium threshold, or no budget.</summary>
    None = 0,
    /// <summary>At or above the medium threshold (default 50 % of the budget).</summary>
    Medium = 1,
    /// <summary>At or above the high threshold (default 90 %): idle buffers are trimmed, staging purged.</summary>
    High = 2,
}
