using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;

namespace Reel.Native.Exports;

/// <summary>reel_gpu_buffer_pool_create/destroy/acquire/get_stats.</summary>
internal static unsafe class GpuBufferPoolExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_create")]
    public static ReelResult Create(ulong device, reel_gpu_buffer_pool_desc_t* desc, ulong* outPool)
    {
        const string Function = "reel_gpu_buffer_pool_create";
        try
        {
            return CreatePool(device, desc, outPool, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_destroy")]
    public static ReelResult Destroy(ulong pool)
    {
        const string Function = "reel_gpu_buffer_pool_destroy";
        try
        {
            if (pool == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.BufferPools, pool, Function, "pool", out GpuBufferPool? removed);
            if (result != ReelResult.Success)
                return result;
            removed!.Owner.Forget(removed);
            removed.Destroy();
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_acquire")]
    public static ReelResult Acquire(ulong pool, ulong size, ulong* outAllocation)
    {
        const string Function = "reel_gpu_buffer_pool_acquire";
        try
        {
            ReelResult result = Arguments.NotNull(outAllocation, Function, "out_allocation");
            if (result != ReelResult.Success || (result = GpuArguments.BufferPool(pool, Function, out GpuBufferPool? resolved)) != ReelResult.Success)
                return result;
            result = resolved!.Owner.AcquirePooled(resolved, size, Function, out GpuResource? resource);
            if (result == ReelResult.Success)
                *outAllocation = resource!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_get_stats")]
    public static ReelResult GetStats(ulong pool, reel_gpu_buffer_pool_stats_t* outStats)
    {
        const string Function = "reel_gpu_buffer_pool_get_stats";
        try
        {
            ReelResult result = GpuArguments.BufferPool(pool, Function, out GpuBufferPool? resolved);
            if (result != ReelResult.Success)
                return result;
            GpuBufferPoolStats stats = resolved!.GetStats();
            var desc = new reel_gpu_buffer_pool_stats_t
            {
                classes = (uint)stats.Classes,
                allocated = (uint)stats.Allocated,
                idle = (uint)stats.Idle,
                in_use = (uint)stats.Out,
                has_video_usage = resolved.HasVideoUsage ? 1u : 0u,
                acquires = (ulong)stats.Acquires,
                created = (ulong)stats.Created,
                trimmed = (ulong)stats.Trimmed,
                bytes_held = stats.BytesHeld,
                offset_alignment = resolved.OffsetAlignment,
                size_alignment = resolved.SizeAlignment,
                vk_usage = (uint)resolved.Usage,
            };
            return VersionedStruct.Write(outStats, in desc, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreatePool(ulong device, reel_gpu_buffer_pool_desc_t* desc, ulong* outPool, string function)
    {
        ReelResult result = Arguments.NotNull(outPool, function, "out_pool");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out reel_gpu_buffer_pool_desc_t d)) != ReelResult.Success)
            return result;
        if (d.kind is < GpuBufferPoolKind.Staging or > GpuBufferPoolKind.EncodeBitstream)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->kind is {(int)d.kind}; expected REEL_GPU_BUFFER_POOL_STAGING (1) to ENCODE_BITSTREAM (4)");
        ulong min = d.min_class_size == 0 ? GpuBufferPoolOptions.DefaultMinClassSize : d.min_class_size;
        ulong max = d.max_class_size == 0 ? Math.Max(min, GpuBufferPoolOptions.DefaultMaxClassSize) : d.max_class_size;
        bool bitstream = d.kind is GpuBufferPoolKind.DecodeBitstream or GpuBufferPoolKind.EncodeBitstream;
        if ((result = GpuArguments.PowerOfTwo(min, 4096, 1UL << 30, function, "desc->min_class_size")) != ReelResult.Success
            || (result = GpuArguments.PowerOfTwo(max, min, 1UL << 30, function, "desc->max_class_size")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_per_class, 0, 4096, function, "desc->max_per_class")) != ReelResult.Success
            || (d.offset_alignment != 0 && (result = GpuArguments.PowerOfTwo(d.offset_alignment, 1, 4096, function, "desc->offset_alignment")) != ReelResult.Success)
            || (d.size_alignment != 0 && (result = GpuArguments.PowerOfTwo(d.size_alignment, 1, 4096, function, "desc->size_alignment")) != ReelResult.Success)
            || (result = GpuArguments.CodecOperation(d.codec_operation, allowNone: true, function, "desc->codec_operation")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, "desc->name", out string? name)) != ReelResult.Success)
            return result;
        if (!bitstream && d.codec_operation != VideoCodecOperation.None)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->codec_operation is 0x{(uint)d.codec_operation:x} but desc->kind {(int)d.kind} is not a bitstream pool; it must be 0");
        var options = new GpuBufferPoolOptions
        {
            Kind = d.kind,
            MinClassSize = min,
            MaxClassSize = max,
            MaxPerClass = d.max_per_class == 0 ? GpuBufferPoolOptions.DefaultMaxPerClass : d.max_per_class,
            TrimIdleFrames = d.trim_idle_frames,
            Operation = d.codec_operation,
            OffsetAlignment = Math.Max(1u, d.offset_alignment),
            SizeAlignment = Math.Max(1u, d.size_alignment),
            Name = name ?? "gpu buffers",
        };
        result = resolved!.CreateBufferPool(options, function, out GpuBufferPool? pool);
        if (result == ReelResult.Success)
            *outPool = pool!.Handle.Value;
        return result;
    }
}
