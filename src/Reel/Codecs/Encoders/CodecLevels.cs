using System;
using Reel.Abi;
using Reel.Backends;

namespace Reel.Codecs.Encoders;

/// <summary>
/// The levels each codec defines, as Reel writes them: major * 10 + minor (AV1 4.0 = 40,
/// H.264 4.1 = 41, HEVC 5.1 = 51), 0 for automatic. A value the codec does not define is
/// refused with the list, so a typo never reaches the encoder as a silently clamped level.
/// </summary>
public static class CodecLevels
{
    private static readonly uint[] s_h264 = [9, 10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52, 60, 61, 62];
    private static readonly uint[] s_hevc = [10, 20, 21, 30, 31, 40, 41, 50, 51, 52, 60, 61, 62];

    /// <summary>Success when <paramref name="level"/> is 0 or a level of <paramref name="codec"/>; else ErrorInvalidArgument naming <paramref name="prefix"/>level.</summary>
    public static ReelResult Check(VideoCodec codec, uint level, string prefix)
    {
        if (level == 0)
            return ReelResult.Success;
        switch (codec)
        {
            case VideoCodec.H264:
                return Array.IndexOf(s_h264, level) >= 0 ? ReelResult.Success
                    : CodecErrors.InvalidArgument($"{prefix}level is {level}; H.264 levels are 0 (automatic) or {string.Join(", ", s_h264)} (major * 10 + minor; 9 is level 1b)");
            case VideoCodec.Hevc:
                return Array.IndexOf(s_hevc, level) >= 0 ? ReelResult.Success
                    : CodecErrors.InvalidArgument($"{prefix}level is {level}; HEVC levels are 0 (automatic) or {string.Join(", ", s_hevc)} (major * 10 + minor)");
            default:
                return level >= 20 && level <= 73 && level % 10 <= 3 ? ReelResult.Success
                    : CodecErrors.InvalidArgument($"{prefix}level is {level}; allowed 0 (automatic) or 20 to 73 as major * 10 + minor with minor 0 to 3 (2.0 to 7.3)");
        }
    }
}
