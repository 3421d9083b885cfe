using Reel.Abi;

namespace Reel.Cache;

/// <summary>How the playhead has been moving, as the cache's detector sees it.</summary>
[CType("reel_access_pattern_t", MemberPrefix = "REEL_ACCESS_")]
public enum AccessPattern
{
    /// <summary>Too little history: the first access, or the first after a jump.</summary>
    Unknown = 0,
    /// <summary>Constant forward steps (1 for normal play, 2–4 for fast forward).</summary>
    Forward = 1,
    /// <summary>Constant backward steps.</summary>
    Reverse = 2,
    /// <summary>Irregular steps in either direction: the user is dragging the playhead.</summary>
    Scrub = 3,
    /// <summary>Forward play of an A–B region that jumps back to A at B, seen at least twice.</summary>
    Loop = 4,
}
