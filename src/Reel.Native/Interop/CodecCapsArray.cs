using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>reel_codec_caps_t codecs[REEL_MAX_BACKEND_CODECS]</c>.</summary>
[InlineArray(16)]
internal struct CodecCapsArray
{
    private CodecCapsDesc _element;
}
