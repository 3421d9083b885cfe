using Reel.Abi;

namespace Reel.Vulkan.Api;

/// <summary>What backs a timeline (<c>reel_timeline_kind_t</c>). Values are pinned.</summary>
[CType("reel_timeline_kind_t", MemberPrefix = "REEL_TIMELINE_")]
public enum TimelineKind
{
    /// <summary>A CPU timeline.</summary>
    Cpu = 0,
    /// <summary>A Vulkan timeline semaphore.</summary>
    Gpu = 1,
}
