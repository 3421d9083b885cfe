using System;
using Reel.Abi;

namespace Reel.Backends;

/// <summary>
/// A video codec operation: decode or encode of one codec (<c>reel_video_codec_op_t</c>). The
/// values are those of VkVideoCodecOperationFlagBitsKHR so that the Vulkan backend passes them
/// through; software backends use the same values. Pinned.
/// </summary>
[Flags]
[CType("reel_video_codec_op_t", MemberPrefix = "REEL_VIDEO_CODEC_OP_")]
public enum VideoCodecOperation
{
    /// <summary>No operation.</summary>
    None = 0,
    /// <summary>H.264 / AVC decode.</summary>
    DecodeH264 = 0x1,
    /// <summary>H.265 / HEVC decode.</summary>
    DecodeH265 = 0x2,
    /// <summary>AV1 decode.</summary>
    DecodeAv1 = 0x4,
    /// <summary>VP9 decode (VK_VIDEO_CODEC_OPERATION_DECODE_VP9_BIT_KHR).</summary>
    DecodeVp9 = 0x8,
    /// <summary>H.264 / AVC encode.</summary>
    EncodeH264 = 0x10000,
    /// <summary>H.265 / HEVC encode.</summary>
    EncodeH265 = 0x20000,
    /// <summary>AV1 encode.</summary>
    EncodeAv1 = 0x40000,
}
