using System;
using System.Runtime.InteropServices;
using Reel.Backends;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Video;

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
        _memory = (byte*)NativeMemory.AllocZeroed((nuint)(sizeof(VideoProfileInfoKHR) + sizeof(VideoProfileListInfoKHR) + CodecStructBytes));
        Info = (VideoProfileInfoKHR*)_memory;
        List = (VideoProfileListInfoKHR*)(_memory + sizeof(VideoProfileInfoKHR));
        void* codec = _memory + sizeof(VideoProfileInfoKHR) + sizeof(VideoProfileListInfoKHR);
        VideoComponentBitDepthFlagsKHR depth = bitDepth == 10
            ? VideoComponentBitDepthFlagsKHR.Depth10BitKhr
            : VideoComponentBitDepthFlagsKHR.Depth8BitKhr;
        *Info = new VideoProfileInfoKHR
        {
            SType = StructureType.VideoProfileInfoKhr,
            PNext = codec,
            VideoCodecOperation = (VideoCodecOperationFlagsKHR)operation,
            ChromaSubsampling = VideoChromaSubsamplingFlagsKHR.Subsampling420BitKhr,
            LumaBitDepth = depth,
            ChromaBitDepth = depth,
        };
        *List = new VideoProfileListInfoKHR { SType = StructureType.VideoProfileListInfoKhr, ProfileCount = 1, PProfiles = Info };
        StdProfile = WriteCodecProfile(operation, bitDepth, codec);
    }

    /// <summary>The codec operation.</summary>
    public VideoCodecOperation Operation { get; }

    /// <summary>Luma and chroma bit depth (8 or 10).</summary>
    public uint BitDepth { get; }

    /// <summary>The codec's profile number (StdVideo profile idc, AV1 seq_profile).</summary>
    public uint StdProfile { get; }

    /// <summary>The profile, chained to its codec struct.</summary>
    public VideoProfileInfoKHR* Info { get; }

    /// <summary>A one-profile list around <see cref="Info"/>, for the pNext of images, buffers, query pools and format queries.</summary>
    public VideoProfileListInfoKHR* List { get; }

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
                *(VideoDecodeH264ProfileInfoKHR*)codec = new VideoDecodeH264ProfileInfoKHR
                {
                    SType = StructureType.VideoDecodeH264ProfileInfoKhr,
                    StdProfileIdc = StdVideoH264ProfileIdc.High,
                    PictureLayout = VideoDecodeH264PictureLayoutFlagsKHR.ProgressiveKhr,
                };
                return (uint)StdVideoH264ProfileIdc.High;
            case VideoCodecOperation.EncodeH264:
                *(VideoEncodeH264ProfileInfoKHR*)codec = new VideoEncodeH264ProfileInfoKHR
                {
                    SType = StructureType.VideoEncodeH264ProfileInfoKhr,
                    StdProfileIdc = StdVideoH264ProfileIdc.High,
                };
                return (uint)StdVideoH264ProfileIdc.High;
            case VideoCodecOperation.DecodeH265:
            case VideoCodecOperation.EncodeH265:
                StdVideoH265ProfileIdc h265 = bitDepth == 10 ? StdVideoH265ProfileIdc.Main10 : StdVideoH265ProfileIdc.Main;
                if (operation == VideoCodecOperation.DecodeH265)
                    *(VideoDecodeH265ProfileInfoKHR*)codec = new VideoDecodeH265ProfileInfoKHR { SType = StructureType.VideoDecodeH265ProfileInfoKhr, StdProfileIdc = h265 };
                else
                    *(VideoEncodeH265ProfileInfoKHR*)codec = new VideoEncodeH265ProfileInfoKHR { SType = StructureType.VideoEncodeH265ProfileInfoKhr, StdProfileIdc = h265 };
                return (uint)h265;
            case VideoCodecOperation.DecodeAv1:
                *(VideoDecodeAV1ProfileInfoKHR*)codec = new VideoDecodeAV1ProfileInfoKHR
                {
                    SType = StructureType.VideoDecodeAV1ProfileInfoKhr,
                    StdProfile = StdVideoAV1Profile.Main,
                };
                return (uint)StdVideoAV1Profile.Main;
            default:
                *(VideoEncodeAV1ProfileInfoKHR*)codec = new VideoEncodeAV1ProfileInfoKHR
                {
                    SType = StructureType.VideoEncodeAV1ProfileInfoKhr,
                    StdProfile = StdVideoAV1Profile.Main,
                };
                return (uint)StdVideoAV1Profile.Main;
        }
    }
}
