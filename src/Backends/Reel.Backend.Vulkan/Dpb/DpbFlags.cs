using System;
using Reel.Abi;

namespace Reel.Vulkan.Dpb;

/// <summary>Options of a DPB (<c>reel_dpb_flags_t</c>). Values are pinned.</summary>
[Flags]
[CType("reel_dpb_flags_t", MemberPrefix = "REEL_DPB_FLAG_")]
public enum DpbFlags
{
    /// <summary>One image with a layer per slot.</summary>
    None = 0,
    /// <summary>One image per slot.</summary>
    SeparateImages = 1,
}
