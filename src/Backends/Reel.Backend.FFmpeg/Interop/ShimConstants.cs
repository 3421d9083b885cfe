namespace Reel.Backend.FFmpeg.Interop;

/// <summary>The macros of reel_ffmpeg.h the binding uses (values as the header defines them).</summary>
internal static class ShimConstants
{
    /// <summary>REELFF_ABI_VERSION this binding was written against.</summary>
    public const uint AbiVersion = 1;

    /// <summary>REELFF_NOPTS: no timestamp.</summary>
    public const long NoPts = long.MinValue;

    /// <summary>REELFF_ERROR_AGAIN.</summary>
    public const int ErrorAgain = -11;

    /// <summary>REELFF_ERROR_EOF (FFERRTAG 'E','O','F',' ').</summary>
    public const int ErrorEof = -('E' | ('O' << 8) | ('F' << 16) | (' ' << 24));

    /// <summary>REELFF_PACKET_KEYFRAME.</summary>
    public const int PacketKeyframe = 0x1;

    /// <summary>REELFF_PACKET_CORRUPT.</summary>
    public const int PacketCorrupt = 0x2;

    /// <summary>REELFF_PACKET_DISCARD.</summary>
    public const int PacketDiscard = 0x4;

    /// <summary>REELFF_SEEK_ANY.</summary>
    public const int SeekAny = 0x1;

    /// <summary>REELFF_FRAME_FORCE_KEYFRAME.</summary>
    public const int FrameForceKeyframe = 0x1;

    /// <summary>REELFF_FRAME_ALIGNMENT: plane alignment the decoder's allocator must give.</summary>
    public const int FrameAlignment = 64;

    /// <summary>REELFF_LOG_ERROR.</summary>
    public const int LogError = 16;

    /// <summary>REELFF_LOG_WARNING.</summary>
    public const int LogWarning = 24;
}
