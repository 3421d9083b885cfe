using Reel.Abi;

namespace Reel.Backends;

/// <summary>Which implementation runs a session: <c>reel_codec_backend_t</c>. Values are pinned.</summary>
[CType("reel_codec_backend_t", MemberPrefix = "REEL_CODEC_BACKEND_")]
public enum CodecBackend
{
    /// <summary>Hardware when a registered hardware backend reports the capability, else software (with a warning in the log).</summary>
    Auto = 0,
    /// <summary>The software codecs: SVT-AV1 to encode, dav1d to decode.</summary>
    Software = 1,
    /// <summary>A hardware backend (a GPU with video encode/decode); none is registered yet.</summary>
    Hardware = 2,
}
