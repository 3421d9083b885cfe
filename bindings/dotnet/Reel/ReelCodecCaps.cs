using Reel.Interop;

namespace Reel;

/// <summary>What a codec backend can do (<see cref="ReelLibrary.GetCodecCaps"/>).</summary>
/// <param name="Raw">every field of <c>reel_codec_caps_t</c> (ranges, masks); its string pointers stay valid for the process.</param>
/// <param name="Encoder">the encoder, e.g. "SVT-AV1 1.4.1 (libSvtAv1Enc.so.1)", or why it is unavailable.</param>
/// <param name="Decoder">the decoder, e.g. "dav1d 1.0.0 (libdav1d.so.6)", or why it is unavailable.</param>
public sealed record ReelCodecCaps(reel_codec_caps_t Raw, string Encoder, string Decoder)
{
    /// <summary>Whether an encoder of this backend can be created now.</summary>
    public bool CanEncode => Raw.can_encode != 0;

    /// <summary>Whether a decoder of this backend can be created now.</summary>
    public bool CanDecode => Raw.can_decode != 0;
}
