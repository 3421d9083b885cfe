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
    public static ReelResult Create(ulong device, GpuBufferPoolDesc* desc, ulong* outPool)
    {
        try
        {
            return CreatePool(device, desc, outPool);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_gpu_buffer_pool_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_destroy")]
    public static ReelResult Destroy(ulong pool)
    {
        try
        {
            if (pool == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.BufferPools, pool, "reel_gpu_buffer_pool_destroy", "pool", out GpuBufferPool? removed);
            if (result != ReelResult.Success)
                return result;
            removed!.Owner.Forget(removed);
            removed.Destroy();
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_gpu_buffer_pool_destroy", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_acquire")]
    public static ReelResult Acquire(ulong pool, ulong size, ulong* outAllocation)
    {
        try
        {
            const string Function = "reel_gpu_buffer_pool_acquire";
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
            return ExportGuard.Fail("reel_gpu_buffer_pool_acquire", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_pool_get_stats")]
    public static ReelResult GetStats(ulong pool, GpuBufferPoolStatsDesc* outStats)
    {
        try
        {
            const string Function = "reel_gpu_buffer_pool_get_stats";
            ReelResult result = GpuArguments.BufferPool(pool, Function, out GpuBufferPool? resolved);
            if (result != ReelResult.Success)
                return result;
            GpuBufferPoolStats stats = resolved!.GetStats();
            var desc = new GpuBufferPoolStatsDesc
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
            return ExportGuard.Fail("reel_gpu_buffer_pool_get_stats", e);
        }
    }

    private static ReelResult CreatePool(ulong device, GpuBufferPoolDesc* desc, ulong* outPool)
    {
        const string Function = "reel_gpu_buffer_pool_create";
        ReelResult result = Arguments.NotNull(outPool, Function, "out_pool");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, Function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, Function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, Function, "desc", out GpuBufferPoolDesc d)) != ReelResult.Success)
            return result;
        if (d.kind is < GpuBufferPoolKind.Staging or > GpuBufferPoolKind.EncodeBitstream)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: desc->kind is {(int)d.kind}; expected REEL_GPU_BUFFER_POOL_STAGING (1) to ENCODE_BITSTREAM (4)");
        ulong min = d.min_class_size == 0 ? GpuBufferPoolOptions.DefaultMinClassSize : d.min_class_size;
        ulong max = d.max_class_size == 0 ? Math.Max(min, GpuBufferPoolOptions.DefaultMaxClassSize) : d.max_class_size;
        bool bitstream = d.kind is GpuBufferPoolKind.DecodeBitstream or GpuBufferPoolKind.EncodeBitstream;
        if ((result = GpuArguments.PowerOfTwo(min, 4096, 1UL << 30, Function, "desc->min_class_size")) != ReelResult.Success
            || (result = GpuArguments.PowerOfTwo(max, min, 1UL << 30, Function, "desc->max_class_size")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_per_class, 0, 4096, Function, "desc->max_per_class")) != ReelResult.Success
            || (d.offset_alignment != 0 && (result = GpuArguments.PowerOfTwo(d.offset_alignment, 1, 4096, Function, "desc->offset_alignment")) != ReelResult.Success)
            || (d.size_alignment != 0 && (result = GpuArguments.PowerOfTwo(d.size_alignment, 1, 4096, Function, "desc->size_alignment")) != ReelResult.Success)
            || (result = GpuArguments.CodecOperation(d.codec_operation, allowNone: true, Function, "desc->codec_operation")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, Function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, Function, "desc->name", out string? name)) != ReelResult.Success)
            return result;
        if (!bitstream && d.codec_operation != VideoCodecOperation.None)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: desc->codec_operation is 0x{(uint)d.codec_operation:x} but desc->kind {(int)d.kind} is not a bitstream pool; it must be 0");
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
        result = resolved!.CreateBufferPool(options, Function, out GpuBufferPool? pool);
        if (result == ReelResult.Success)
            *outPool = pool!.Handle.Value;
        return result;
    }
}
