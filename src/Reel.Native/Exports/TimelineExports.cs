using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;
using Reel.Vulkan.Api;

namespace Reel.Native.Exports;

/// <summary>reel_timeline_create/destroy/signal/get_value/wait/get_semaphore, reel_buffer_release_after.</summary>
internal static unsafe class TimelineExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_create")]
    public static ReelResult Create(ulong context, reel_timeline_desc_t* desc, ulong* outTimeline)
    {
        const string Function = "reel_timeline_create";
        try
        {
            return CreateTimeline(context, desc, outTimeline, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_destroy")]
    public static ReelResult Destroy(ulong timeline)
    {
        const string Function = "reel_timeline_destroy";
        try
        {
            if (timeline == 0)
                return ReelResult.Success;
            ReelResult result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved);
            if (result != ReelResult.Success)
                return result;
            if (resolved!.IsQueueTimeline)
                return LastError.Set(ReelResult.ErrorBadState, $"{Function}: timeline is a queue timeline; its device owns it and destroys it with the device");
            if ((result = GpuRegistry.Remove(GpuRegistry.Timelines, timeline, Function, "timeline", out _)) != ReelResult.Success)
                return result;
            if (resolved.Gpu is { } gpu)
            {
                resolved.Owner.Forget(resolved);
                gpu.Destroy();
            }
            else
            {
                ContextTimelines.Forget(resolved);
            }
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_signal")]
    public static ReelResult Signal(ulong timeline, ulong value)
    {
        const string Function = "reel_timeline_signal";
        try
        {
            ReelResult result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved);
            return result != ReelResult.Success ? result : resolved!.Timeline.Signal(value, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_get_value")]
    public static ReelResult GetValue(ulong timeline, ulong* outValue)
    {
        const string Function = "reel_timeline_get_value";
        try
        {
            ReelResult result = Arguments.NotNull(outValue, Function, "out_value");
            if (result != ReelResult.Success || (result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved)) != ReelResult.Success)
                return result;
            result = resolved!.Timeline.GetValue(Function, out ulong value);
            if (result == ReelResult.Success)
                *outValue = value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_wait")]
    public static ReelResult Wait(ulong timeline, ulong value, ulong timeoutNs)
    {
        const string Function = "reel_timeline_wait";
        try
        {
            ReelResult result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved);
            return result != ReelResult.Success ? result : resolved!.Timeline.Wait(value, timeoutNs, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_timeline_get_semaphore")]
    public static ReelResult GetSemaphore(ulong timeline, ulong* outVkSemaphore)
    {
        const string Function = "reel_timeline_get_semaphore";
        try
        {
            ReelResult result = Arguments.NotNull(outVkSemaphore, Function, "out_vk_semaphore");
            if (result != ReelResult.Success || (result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved)) != ReelResult.Success)
                return result;
            if (resolved!.Gpu is not { } gpu)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: timeline is a CPU timeline; it has no VkSemaphore (create it with REEL_TIMELINE_GPU)");
            *outVkSemaphore = gpu.Semaphore.Handle;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_release_after")]
    public static ReelResult ReleaseAfter(ulong buffer, ulong timeline, ulong value)
    {
        const string Function = "reel_buffer_release_after";
        try
        {
            var handle = new Handle(buffer);
            HandleError error = Buffers.Resolve(handle, out SlotPool? pool, out _);
            if (error != HandleError.None)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{Function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Buffer, "buffer"));
            ReelResult result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved);
            if (result != ReelResult.Success)
                return result;
            if (resolved!.Timeline.HasReached(value))
                return Buffers.Release(handle, Function);
            pool!.Owner.Context.Deferred.ReleaseAtTimeline(handle, resolved.Timeline, value);
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateTimeline(ulong context, reel_timeline_desc_t* desc, ulong* outTimeline, string function)
    {
        ReelResult result = Arguments.NotNull(outTimeline, function, "out_timeline");
        if (result != ReelResult.Success || (result = Arguments.Context(context, function, out ReelContext? ctx)) != ReelResult.Success)
            return result;
        reel_timeline_desc_t d = default;
        if (desc != null && (result = VersionedStruct.Read(desc, function, "desc", out d)) != ReelResult.Success)
            return result;
        TimelineObject? timeline;
        switch (d.kind)
        {
            case TimelineKind.Cpu:
                if (d.device != 0)
                    return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->device is set for a CPU timeline; it must be REEL_NULL_HANDLE (or set desc->kind to REEL_TIMELINE_GPU)");
                result = ContextTimelines.Create(ctx!, d.initial_value, function, out timeline);
                break;
            case TimelineKind.Gpu:
                if ((result = GpuArguments.Device(d.device, function, out GpuDevice? device, "desc->device")) != ReelResult.Success)
                    return result;
                if (device!.Context != ctx)
                    return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->device belongs to another context than context");
                result = device.CreateTimeline(d.initial_value, function, out timeline);
                break;
            default:
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->kind is {(int)d.kind}; expected REEL_TIMELINE_CPU (0) or REEL_TIMELINE_GPU (1)");
        }
        if (result == ReelResult.Success)
            *outTimeline = timeline!.Handle.Value;
        return result;
    }
}
