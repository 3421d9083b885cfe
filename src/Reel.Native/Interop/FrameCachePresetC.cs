using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_cache_preset_t</c>: the C names of the engine's presets (HD is 0, the default).</summary>
[CType("reel_frame_cache_preset_t", MemberPrefix = "REEL_FRAME_CACHE_PRESET_")]
internal enum FrameCachePresetC
{
    Hd = 0,
    Sd = 1,
    Uhd = 2,
}
