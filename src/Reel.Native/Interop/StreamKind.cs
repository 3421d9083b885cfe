using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_stream_kind_t</c>: what a stream of a media file carries.</summary>
[CType("reel_stream_kind_t", MemberPrefix = "REEL_STREAM_KIND_")]
internal enum StreamKind
{
    /// <summary>Subtitles, data, anything else.</summary>
    Other = 0,
    /// <summary>Pictures.</summary>
    Video = 1,
    /// <summary>Sound.</summary>
    Audio = 2,
}
