using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_frame/audio/byte_pool_create, reel_pool_destroy/acquire/acquire_bytes/trim/get_stats.</summary>
internal static unsafe class PoolExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_frame_pool_create")]
    public static ReelResult FramePoolCreate(ulong context, reel_frame_pool_desc_t* desc, ulong* outPool)
    {
        const string Function = "reel_frame_pool_create";
        try
        {
            return CreateFramePool(context, desc, outPool, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_audio_pool_create")]
    public static ReelResult AudioPoolCreate(ulong context, reel_audio_pool_desc_t* desc, ulong* outPool)
    {
        const string Function = "reel_audio_pool_create";
        try
        {
            return CreateAudioPool(context, desc, outPool, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_byte_pool_create")]
    public static ReelResult BytePoolCreate(ulong context, reel_byte_pool_desc_t* desc, ulong* outPool)
    {
        const string Function = "reel_byte_pool_create";
        try
        {
            return CreateBytePool(context, desc, outPool, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_pool_destroy")]
    public static ReelResult Destroy(ulong pool)
    {
        const string Function = "reel_pool_destroy";
        try
        {
            return Pool.Destroy(new Handle(pool), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_pool_acquire")]
    public static ReelResult Acquire(ulong pool, ulong* outBuffer)
    {
        const string Function = "reel_pool_acquire";
        try
        {
            ReelResult result = Arguments.NotNull(outBuffer, Function, "out_buffer");
            if (result != ReelResult.Success)
                return result;
            *outBuffer = 0;
            result = Arguments.Pool(pool, Function, out Pool? resolved);
            if (result != ReelResult.Success)
                return result;
            result = resolved!.Acquire(Function, out Handle buffer);
            *outBuffer = buffer.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_pool_acquire_bytes")]
    public static ReelResult AcquireBytes(ulong pool, nuint size, ulong* outBuffer)
    {
        const string Function = "reel_pool_acquire_bytes";
        try
        {
            ReelResult result = Arguments.NotNull(outBuffer, Function, "out_buffer");
            if (result != ReelResult.Success)
                return result;
            *outBuffer = 0;
            result = Arguments.Pool(pool, Function, out Pool? resolved);
            if (result != ReelResult.Success)
                return result;
            result = resolved!.AcquireBytes(size, Function, out Handle buffer);
            *outBuffer = buffer.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_pool_trim")]
    public static ReelResult Trim(ulong pool, uint keepIdle, uint* outFreed)
    {
        const string Function = "reel_pool_trim";
        try
        {
            ReelResult result = Arguments.Pool(pool, Function, out Pool? resolved);
            if (result != ReelResult.Success)
                return result;
            int freed = resolved!.Trim(keepIdle);
            if (outFreed != null)
                *outFreed = (uint)freed;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_pool_get_stats")]
    public static ReelResult GetStats(ulong pool, reel_pool_stats_t* outStats)
    {
        const string Function = "reel_pool_get_stats";
        try
        {
            ReelResult result = Arguments.Pool(pool, Function, out Pool? resolved);
            if (result != ReelResult.Success)
                return result;
            PoolStats stats = resolved!.GetStats();
            var desc = new reel_pool_stats_t
            {
                capacity = stats.Capacity,
                allocated = stats.Allocated,
                available = stats.Available,
                in_use = stats.InUse,
                peak_in_use = stats.PeakInUse,
                acquires = stats.Acquires,
                releases = stats.Releases,
                misses = stats.Misses,
                waits = stats.Waits,
                wait_ns = stats.WaitNanoseconds,
                grows_past_cap = stats.GrowsPastCap,
                trims = stats.Trims,
                bytes_held = stats.BytesHeld,
            };
            return VersionedStruct.Write(outStats, in desc, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateFramePool(ulong context, reel_frame_pool_desc_t* desc, ulong* outPool, string function)
    {
        ReelResult result = ReadCommon(context, desc, outPool, function, out ReelContext? ctx, out reel_frame_pool_desc_t d);
        if (result != ReelResult.Success)
            return result;
        if ((result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, "desc->name", out string? name)) != ReelResult.Success
            || (result = FrameLayout.TryCreate(d.format, d.width, d.height, d.stride_align, d.row_padding, d.height_align,
                    $"{function}: desc->", out FrameLayout? layout)) != ReelResult.Success
            || (result = ReadConfig(in d.config, FramePool.DefaultMax, function, out PoolConfig? config)) != ReelResult.Success
            || (result = FramePool.Create(ctx!, name, layout!, config!, function, out FramePool? pool)) != ReelResult.Success)
        {
            return result;
        }
        *outPool = pool!.Handle.Value;
        return ReelResult.Success;
    }

    private static ReelResult CreateAudioPool(ulong context, reel_audio_pool_desc_t* desc, ulong* outPool, string function)
    {
        ReelResult result = ReadCommon(context, desc, outPool, function, out ReelContext? ctx, out reel_audio_pool_desc_t d);
        if (result != ReelResult.Success)
            return result;
        if ((result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, "desc->name", out string? name)) != ReelResult.Success
            || (result = ReadConfig(in d.config, AudioPool.DefaultMax, function, out PoolConfig? config)) != ReelResult.Success
            || (result = AudioPool.Create(ctx!, name, d.format, d.channels, d.samples_per_buffer, d.sample_rate, config!,
                    function, out AudioPool? pool)) != ReelResult.Success)
        {
            return result;
        }
        *outPool = pool!.Handle.Value;
        return ReelResult.Success;
    }

    private static ReelResult CreateBytePool(ulong context, reel_byte_pool_desc_t* desc, ulong* outPool, string function)
    {
        ReelResult result = ReadCommon(context, desc, outPool, function, out ReelContext? ctx, out reel_byte_pool_desc_t d);
        if (result != ReelResult.Success)
            return result;
        if ((result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, "desc->name", out string? name)) != ReelResult.Success
            || (result = ReadConfig(in d.config, BytePool.DefaultMax, function, out PoolConfig? config)) != ReelResult.Success
            || (result = BytePool.Create(ctx!, name, d.min_class_size, d.max_class_size, config!, function, out BytePool? pool)) != ReelResult.Success)
        {
            return result;
        }
        *outPool = pool!.Handle.Value;
        return ReelResult.Success;
    }

    /// <summary>The checks every create function starts with: context, NULL pointers, struct_size.</summary>
    private static ReelResult ReadCommon<T>(ulong context, T* desc, ulong* outPool, string function, out ReelContext? ctx, out T d)
        where T : unmanaged, IVersionedStruct
    {
        d = default;
        ReelResult result = Arguments.Context(context, function, out ctx);
        if (result == ReelResult.Success)
            result = Arguments.NotNull(desc, function, "desc");
        if (result == ReelResult.Success)
            result = Arguments.NotNull(outPool, function, "out_pool");
        if (result == ReelResult.Success)
            result = VersionedStruct.Read(desc, function, "desc", out d);
        return result;
    }

    private static ReelResult ReadConfig(in reel_pool_config_t c, uint defaultMax, string function, out PoolConfig? config)
    {
        return PoolConfig.TryCreate(c.initial, c.max, c.growth, c.growth_step, c.exhaustion, c.wait_timeout_ms,
            c.grow_limit, c.trim_idle_frames, c.trim_idle_ms, (PoolFlags)c.flags, defaultMax, $"{function}: desc->config.", out config);
    }
}
