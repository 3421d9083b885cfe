using Reel.Pools;

namespace Reel.Containers;

/// <summary>A movie's sound track: the PCM the host writes and the codec it is coded with.</summary>
/// <param name="Codec">Opus or AAC (never None here).</param>
/// <param name="Format">Interleaved sample format of the PCM the host writes.</param>
/// <param name="SampleRate">Hz, 8000 to 192000.</param>
/// <param name="Channels">1 to 8.</param>
/// <param name="Bitrate">Bits per second, 0 for the codec's default.</param>
public sealed record AudioTrackSettings(AudioCodec Codec, SampleFormat Format, int SampleRate, int Channels, long Bitrate);
