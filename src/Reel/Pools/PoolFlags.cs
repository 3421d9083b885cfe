using System;
using Reel.Abi;

namespace Reel.Pools;

/// <summary>Pool options: <c>reel_pool_flags_t</c>.</summary>
[Flags]
[CType("reel_pool_flags_t", MemberPrefix = "REEL_POOL_FLAG_")]
public enum PoolFlags
{
    /// <summary>No options.</summary>
    None = 0,
    /// <summary>Fill a buffer with zeros when its last reference is released.</summary>
    ZeroOnRelease = 1,
    /// <summary>
    /// Accepted for compatibility and ignored: per-thread caches are how every pool works
    /// since 0.2 (it was the opt-in for them in 0.1).
    /// </summary>
    ThreadCache = 2,
}
