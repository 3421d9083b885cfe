using Reel.Abi;

namespace Reel.Backends;

/// <summary>
/// An encoder whose codec changes its bitrate on a live stream (x264 reconfigures at the next
/// frame): a streaming host's bitrate step then costs nothing, and the encoder pool can hand an
/// idle encoder of another bitrate to a request instead of starting a new codec. Encoders
/// whose codec cannot (SVT-AV1 1.4, libx265 in FFmpeg 5.1) do not implement it.
/// </summary>
public interface ILiveBitrateEncoder : IEncoder
{
    /// <summary>Whether a change is possible in the encoder's rate-control mode; <paramref name="reason"/> says why not.</summary>
    bool CanChangeBitrate(out string reason);

    /// <summary>
    /// Sets the target bitrate, the cap and the buffer (bits per second / bits; 0 = unchanged
    /// cap or buffer) from the next frame on. Messages start with <paramref name="function"/>.
    /// </summary>
    ReelResult ChangeBitrate(ulong targetBitrate, ulong maxBitrate, ulong bufferSize, string function);

    /// <summary>Bitrate changes applied so far.</summary>
    long Reconfigurations { get; }
}
