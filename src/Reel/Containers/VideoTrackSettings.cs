using Reel.Backends;

namespace Reel.Containers;

/// <summary>A movie's video track as the container needs it.</summary>
/// <param name="Codec">The codec of the packets (AV1 from SVT-AV1 today).</param>
/// <param name="Width">Coded width.</param>
/// <param name="Height">Coded height.</param>
/// <param name="FpsNumerator">Frame rate numerator; packet timestamps count frames (time base FpsDenominator / FpsNumerator).</param>
/// <param name="FpsDenominator">Frame rate denominator.</param>
public sealed record VideoTrackSettings(VideoCodec Codec, int Width, int Height, int FpsNumerator, int FpsDenominator);
