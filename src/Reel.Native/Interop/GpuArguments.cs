using System.Numerics;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Dpb;
using Reel.Vulkan.Video;
using Silk.NET.Vulkan;

namespace Reel.Native.Interop;

/// <summary>Checks shared by the GPU exports: the backend's handles, and the ranges reel_vulkan.h documents.</summary>
internal static class GpuArguments
{
    /// <summary>Every VkBufferUsageFlagBits bit Silk.NET.Vulkan (Vulkan 1.4.336) defines.</summary>
    public static readonly uint KnownBufferUsage = AllBits<BufferUsageFlags>();

    /// <summary>Every VkImageUsageFlagBits bit Silk.NET.Vulkan (Vulkan 1.4.336) defines.</summary>
    public static readonly uint KnownImageUsage = AllBits<ImageUsageFlags>();

    /// <summary>Resolves a device handle passed as <paramref name="argument"/>.</summary>
    public static ReelResult Device(ulong raw, string function, out GpuDevice? device, string argument = "device") =>
        GpuRegistry.Resolve(GpuRegistry.Devices, raw, function, argument, out device);

    /// <summary>Resolves a timeline handle passed as <paramref name="argument"/>.</summary>
    public static ReelResult Timeline(ulong raw, string function, out TimelineObject? timeline, string argument = "timeline") =>
        GpuRegistry.Resolve(GpuRegistry.Timelines, raw, function, argument, out timeline);

    /// <summary>Resolves an allocation handle passed as <c>allocation</c>.</summary>
    public static ReelResult Allocation(ulong raw, string function, out GpuResource? allocation) =>
        GpuRegistry.Resolve(GpuRegistry.Allocations, raw, function, "allocation", out allocation);

    /// <summary>Resolves a GPU buffer pool handle passed as <c>pool</c>.</summary>
    public static ReelResult BufferPool(ulong raw, string function, out GpuBufferPool? pool) =>
        GpuRegistry.Resolve(GpuRegistry.BufferPools, raw, function, "pool", out pool);

    /// <summary>Resolves a DPB handle passed as <c>dpb</c>.</summary>
    public static ReelResult Dpb(ulong raw, string function, out DecodedPictureBuffer? dpb) =>
        GpuRegistry.Resolve(GpuRegistry.Dpbs, raw, function, "dpb", out dpb);

    /// <summary>Resolves a video session handle passed as <c>session</c>.</summary>
    public static ReelResult Session(ulong raw, string function, out VideoSession? session) =>
        GpuRegistry.Resolve(GpuRegistry.Sessions, raw, function, "session", out session);

    /// <summary>Success when <paramref name="value"/> is within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ReelResult Range(ulong value, ulong min, ulong max, string function, string field) =>
        value >= min && value <= max ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field} is {value}; allowed {min} to {max}");

    /// <summary>Success when <paramref name="value"/> is a power of two within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ReelResult PowerOfTwo(ulong value, ulong min, ulong max, string function, string field) =>
        BitOperations.IsPow2(value) && value >= min && value <= max ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field} is {value}; it must be a power of two from {min} to {max}");

    /// <summary>Success when <paramref name="bits"/> has no bit outside <paramref name="known"/>.</summary>
    public static ReelResult Flags(uint bits, uint known, string function, string field, string names) =>
        (bits & ~known) == 0 ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {field} is 0x{bits:x}; bits 0x{bits & ~known:x} are unknown ({names} are 0x{known:x})");

    /// <summary>Success when <paramref name="operation"/> is 0 (if allowed) or one of the six codec operations.</summary>
    public static ReelResult CodecOperation(Reel.Backends.VideoCodecOperation operation, bool allowNone, string function, string field)
    {
        if (operation == Reel.Backends.VideoCodecOperation.None ? allowNone : System.Array.IndexOf(VideoCapabilityQuery.Operations, operation) >= 0)
            return ReelResult.Success;
        return LastError.Set(ReelResult.ErrorInvalidArgument,
            $"{function}: {field} is 0x{(uint)operation:x}; expected {(allowNone ? "0 or " : "")}one REEL_VIDEO_CODEC_OP_* value (DECODE_H264 0x1, DECODE_H265 0x2, DECODE_AV1 0x4, ENCODE_H264 0x10000, ENCODE_H265 0x20000, ENCODE_AV1 0x40000)");
    }

    /// <summary>The queue role of a reel_gpu_queue_t value, or InvalidArgument.</summary>
    public static ReelResult Queue(int queue, string function, out GpuQueueRole role)
    {
        role = (GpuQueueRole)queue;
        return queue is >= 0 and <= (int)GpuQueueRole.VideoEncode ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: queue is {queue}; expected a reel_gpu_queue_t from 0 (GRAPHICS) to 4 (VIDEO_ENCODE)");
    }

    private static uint AllBits<T>() where T : struct, System.Enum
    {
        uint bits = 0;
        foreach (T value in System.Enum.GetValues<T>())
            bits |= System.Convert.ToUInt32(value);
        return bits;
    }
}
