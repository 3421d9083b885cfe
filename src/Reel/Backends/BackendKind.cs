using Reel.Abi;

namespace Reel.Backends;

/// <summary>The kinds of backends Reel knows (<c>reel_backend_kind_t</c>). Values are pinned.</summary>
[CType("reel_backend_kind_t", MemberPrefix = "REEL_BACKEND_")]
public enum BackendKind
{
    /// <summary>CPU codec libraries (SVT-AV1, dav1d).</summary>
    Software = 1,
    /// <summary>A Vulkan device.</summary>
    Vulkan = 2,
    /// <summary>FFmpeg through the libreel_ffmpeg shim: containers, audio, libavcodec's codecs.</summary>
    FFmpeg = 3,
}
