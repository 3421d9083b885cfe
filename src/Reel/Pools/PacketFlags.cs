namespace Reel.Pools;

/// <summary>Bits of a packet's flags (<c>REEL_PACKET_FLAG_*</c> in reel.h).</summary>
public static class PacketFlags
{
    /// <summary>REEL_PACKET_FLAG_KEYFRAME: the packet starts a decodable point (a keyframe).</summary>
    public const uint Keyframe = 1;

    /// <summary>Every defined bit.</summary>
    public const uint Known = Keyframe;
}
