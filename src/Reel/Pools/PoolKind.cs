namespace Reel.Pools;

/// <summary>What a pool's buffers hold.</summary>
public enum PoolKind
{
    /// <summary>Video frames with planes.</summary>
    Frame,
    /// <summary>Interleaved audio samples.</summary>
    Audio,
    /// <summary>Bytes in power-of-two size classes (bitstreams).</summary>
    Bytes,
}
