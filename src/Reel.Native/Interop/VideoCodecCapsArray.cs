using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>reel_video_codec_caps_t codecs[REEL_MAX_BACKEND_CODECS]</c>.</summary>
[InlineArray(16)]
internal struct VideoCodecCapsArray
{
    private VideoCodecCapsDesc _element;
}
