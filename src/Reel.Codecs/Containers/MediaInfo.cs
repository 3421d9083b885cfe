namespace Reel.Codecs.Containers;

/// <summary>What a media file declares (<c>reel_media_info_t</c>).</summary>
/// <param name="Width">Picture width in pixels.</param>
/// <param name="Height">Picture height in pixels.</param>
/// <param name="FpsNumerator">Frame rate numerator (IVF: the timebase denominator).</param>
/// <param name="FpsDenominator">Frame rate denominator (IVF: the timebase numerator).</param>
/// <param name="FrameCount">Frames the file declares or holds; 0 when unknown.</param>
internal readonly record struct MediaInfo(int Width, int Height, int FpsNumerator, int FpsDenominator, long FrameCount);
