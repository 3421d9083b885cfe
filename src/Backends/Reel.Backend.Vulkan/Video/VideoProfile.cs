using System;
using System.Runtime.InteropServices;
using Reel.Backends;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Video;

/// <summary>
/// A Vulkan video profile in unmanaged memory, so that its pNext chain (codec profile struct,
/// and a VkVideoProfileListInfoKHR around it) keeps its addresses for as long as Vulkan
/// structs point at it: VkVideoProfileInfoKHR -> the codec's profile info. Reel's profiles are
/// the common ones: 4:2:0, H.264 High (progressive) / H.265 Main (Main 10 at 10 bits) / AV1
/// Main, without film grain.
/// </summary>
internal sealed unsafe class VideoProfile : IDisposable
{
    /// <summary>Bytes reserved for the largest codec profile struct.</summary>
    private const int CodecStructBytes = 64;

    private byte* _memory;

    private VideoProfile(VideoCodecOperation operation, uint bitDepth)
    {
        Operation = operation;
        BitDepth = bitDepth;
        _memory = (byte*)NativeMemory.AllocZeroed((nuint)(sizeof(VkVideoProfileInfoKHR) + sizeof(VkVideoProfileListInfoKHR) + CodecStructBytes));
        Info = (VkVideoProfileInfoKHR*)_memory;
        List = (VkVideoProfileListInfoKHR*)(_memory + sizeof(VkVideoProfileInfoKHR));
        void* codec = _memory + sizeof(VkVideoProfileInfoKHR) + sizeof(VkVideoProfileListInfoKHR);
        VkVideoComponentBitDepthFlagBitsKHR depth = bitDepth == 10
            ? VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_10_BIT_KHR
            : VkVideoComponentBitDepthFlagBitsKHR.VK_VIDEO_COMPONENT_BIT_DEPTH_8_BIT_KHR;
        *Info = new VkVideoProfileInfoKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_PROFILE_INFO_KHR,
            pNext = codec,
            videoCodecOperation = (VkVideoCodecOperationFlagBitsKHR)operation,
            chromaSubsampling = VkVideoChromaSubsamplingFlagBitsKHR.VK_VIDEO_CHROMA_SUBSAMPLING_420_BIT_KHR,
            lumaBitDepth = depth,
            chromaBitDepth = depth,
        };
        *List = new VkVideoProfileListInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_PROFILE_LIST_INFO_KHR, profileCount = 1, pProfiles = Info };
        StdProfile = WriteCodecProfile(operation, bitDepth, codec);
    }

    /// <summary>The codec operation.</summary>
    public VideoCodecOperation Operation { get; }

    /// <summary>Luma and chroma bit depth (8 or 10).</summary>
    public uint BitDepth { get; }

    /// <summary>The codec's profile number (StdVideo profile idc, AV1 seq_profile).</summary>
    public uint StdProfile { get; }

    /// <summary>The profile, chained to its codec struct.</summary>
    public VkVideoProfileInfoKHR* Info { get; }

    /// <summary>A one-profile list around <see cref="Info"/>, for the pNext of images, buffers, query pools and format queries.</summary>
    public VkVideoProfileListInfoKHR* List { get; }

    /// <summary>Whether Reel has a profile for <paramref name="operation"/> at <paramref name="bitDepth"/>.</summary>
    public static bool Exists(VideoCodecOperation operation, uint bitDepth) =>
        (bitDepth == 8 || (bitDepth == 10 && operation is not (VideoCodecOperation.DecodeH264 or VideoCodecOperation.EncodeH264)))
        && operation is VideoCodecOperation.DecodeH264 or VideoCodecOperation.DecodeH265 or VideoCodecOperation.DecodeAv1
            or VideoCodecOperation.EncodeH264 or VideoCodecOperation.EncodeH265 or VideoCodecOperation.EncodeAv1;

    /// <summary>The profile of <paramref name="operation"/> at <paramref name="bitDepth"/> (see <see cref="Exists"/>).</summary>
    public static VideoProfile Create(VideoCodecOperation operation, uint bitDepth = 8)
    {
        if (!Exists(operation, bitDepth))
            throw new ArgumentOutOfRangeException(nameof(operation), $"no {bitDepth}-bit profile for {operation}");
        return new VideoProfile(operation, bitDepth);
    }

    /// <summary>Whether the operation decodes.</summary>
    public static bool IsDecode(VideoCodecOperation operation) =>
        operation is VideoCodecOperation.DecodeH264 or VideoCodecOperation.DecodeH265 or VideoCodecOperation.DecodeAv1;

    /// <summary>Frees the unmanaged memory. Idempotent.</summary>
    public void Dispose()
    {
        if (_memory == null)
            return;
        NativeMemory.Free(_memory);
        _memory = null;
    }

    private static uint WriteCodecProfile(VideoCodecOperation operation, uint bitDepth, void* codec)
    {
        switch (operation)
        {
            case VideoCodecOperation.DecodeH264:
                *(VkVideoDecodeH264ProfileInfoKHR*)codec = new VkVideoDecodeH264ProfileInfoKHR
                {
                    sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H264_PROFILE_INFO_KHR,
                    stdProfileIdc = StdVideoH264ProfileIdc.STD_VIDEO_H264_PROFILE_IDC_HIGH,
                    pictureLayout = VkVideoDecodeH264PictureLayoutFlagBitsKHR.VK_VIDEO_DECODE_H264_PICTURE_LAYOUT_PROGRESSIVE_KHR,
                };
                return (uint)StdVideoH264ProfileIdc.STD_VIDEO_H264_PROFILE_IDC_HIGH;
            case VideoCodecOperation.EncodeH264:
                *(VkVideoEncodeH264ProfileInfoKHR*)codec = new VkVideoEncodeH264ProfileInfoKHR
                {
                    sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H264_PROFILE_INFO_KHR,
                    stdProfileIdc = StdVideoH264ProfileIdc.STD_VIDEO_H264_PROFILE_IDC_HIGH,
                };
                return (uint)StdVideoH264ProfileIdc.STD_VIDEO_H264_PROFILE_IDC_HIGH;
            case VideoCodecOperation.DecodeH265:
            case VideoCodecOperation.EncodeH265:
                StdVideoH265ProfileIdc h265 = bitDepth == 10 ? StdVideoH265ProfileIdc.STD_VIDEO_H265_PROFILE_IDC_MAIN_10 : StdVideoH265ProfileIdc.STD_VIDEO_H265_PROFILE_IDC_MAIN;
                if (operation == VideoCodecOperation.DecodeH265)
                    *(VkVideoDecodeH265ProfileInfoKHR*)codec = new VkVideoDecodeH265ProfileInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H265_PROFILE_INFO_KHR, stdProfileIdc = h265 };
                else
                    *(VkVideoEncodeH265ProfileInfoKHR*)codec = new VkVideoEncodeH265ProfileInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H265_PROFILE_INFO_KHR, stdProfileIdc = h265 };
                return (uint)h265;
            case VideoCodecOperation.DecodeAv1:
                *(VkVideoDecodeAV1ProfileInfoKHR*)codec = new VkVideoDecodeAV1ProfileInfoKHR
                {
                    sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_AV1_PROFILE_INFO_KHR,
                    stdProfile = StdVideoAV1Profile.STD_VIDEO_AV1_PROFILE_MAIN,
                };
                return (uint)StdVideoAV1Profile.STD_VIDEO_AV1_PROFILE_MAIN;
            default:
                *(VkVideoEncodeAV1ProfileInfoKHR*)codec = new VkVideoEncodeAV1ProfileInfoKHR
                {
                    sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_AV1_PROFILE_INFO_KHR,
                    stdProfile = StdVideoAV1Profile.STD_VIDEO_AV1_PROFILE_MAIN,
                };
                return (uint)StdVideoAV1Profile.STD_VIDEO_AV1_PROFILE_MAIN;
        }
    }
}
