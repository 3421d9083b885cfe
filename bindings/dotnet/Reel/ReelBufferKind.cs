namespace Reel;

/// <summary>What a <see cref="ReelBuffer"/> holds: the kind of pool it came from.</summary>
public enum ReelBufferKind
{
    /// <summary>A video frame of a frame pool (planes, <see cref="ReelBuffer.GetFrame"/>).</summary>
    Frame,

    /// <summary>Interleaved samples of an audio pool (<see cref="ReelBuffer.GetSamples"/>).</summary>
    Audio,

    /// <summary>Bytes of a byte pool: a bitstream packet or staging memory (<see cref="ReelBuffer.GetBytes"/>).</summary>
    Bytes,
}
