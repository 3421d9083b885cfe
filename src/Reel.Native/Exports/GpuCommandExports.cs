using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_command_buffer_begin/submit, reel_device_begin_frame/end_frame/get_queue_timeline.</summary>
internal static unsafe class GpuCommandExports
{
    /// <summary>Most waits or signals of one submission (documented in reel.h).</summary>
    private const uint MaxSemaphores = 32;

    [UnmanagedCallersOnly(EntryPoint = "reel_command_buffer_begin")]
    public static ReelResult Begin(ulong device, int queue, nint* outVkCommandBuffer)
    {
        const string Function = "reel_command_buffer_begin";
        try
        {
            ReelResult result = Arguments.NotNull(outVkCommandBuffer, Function, "out_vk_command_buffer");
            if (result != ReelResult.Success || (result = GpuArguments.Device(device, Function, out GpuDevice? resolved)) != ReelResult.Success)
                return result;
            if ((result = GpuArguments.Queue(queue, Function, out GpuQueueRole role)) != ReelResult.Success)
                return result;
            result = resolved!.BeginCommands(role, Function, out CommandBuffer buffer);
            if (result == ReelResult.Success)
                *outVkCommandBuffer = buffer.Handle;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_command_buffer_submit")]
    public static ReelResult Submit(ulong device, nint vkCommandBuffer, reel_gpu_submit_t* submit, ulong* outValue)
    {
        const string Function = "reel_command_buffer_submit";
        try
        {
            return SubmitCommands(device, vkCommandBuffer, submit, outValue, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_begin_frame")]
    public static ReelResult BeginFrame(ulong device, ulong timeoutNs, ulong* outFrame)
    {
        const string Function = "reel_device_begin_frame";
        try
        {
            ReelResult result = GpuArguments.Device(device, Function, out GpuDevice? resolved);
            if (result != ReelResult.Success)
                return result;
            result = resolved!.BeginFrame(timeoutNs, Function, out long frame);
            if (result == ReelResult.Success && outFrame != null)
                *outFrame = (ulong)frame;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_end_frame")]
    public static ReelResult EndFrame(ulong device)
    {
        const string Function = "reel_device_end_frame";
        try
        {
            ReelResult result = GpuArguments.Device(device, Function, out GpuDevice? resolved);
            return result != ReelResult.Success ? result : resolved!.EndFrame(Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_get_queue_timeline")]
    public static ReelResult GetQueueTimeline(ulong device, int queue, ulong* outTimeline)
    {
        const string Function = "reel_device_get_queue_timeline";
        try
        {
            ReelResult result = Arguments.NotNull(outTimeline, Function, "out_timeline");
            if (result != ReelResult.Success || (result = GpuArguments.Device(device, Function, out GpuDevice? resolved)) != ReelResult.Success)
                return result;
            if ((result = GpuArguments.Queue(queue, Function, out GpuQueueRole role)) != ReelResult.Success)
                return result;
            result = resolved!.GetQueueTimeline(role, Function, out TimelineObject? timeline);
            if (result == ReelResult.Success)
                *outTimeline = timeline!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult SubmitCommands(ulong device, nint vkCommandBuffer, reel_gpu_submit_t* submit, ulong* outValue, string function)
    {
        ReelResult result = GpuArguments.Device(device, function, out GpuDevice? resolved);
        if (result != ReelResult.Success || (result = Arguments.NotNull((void*)vkCommandBuffer, function, "vk_command_buffer")) != ReelResult.Success)
            return result;
        reel_gpu_submit_t s = default;
        if (submit != null && (result = VersionedStruct.Read(submit, function, "submit", out s)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.Range(s.wait_count, 0, MaxSemaphores, function, "submit->wait_count")) != ReelResult.Success
            || (result = GpuArguments.Range(s.signal_count, 0, MaxSemaphores, function, "submit->signal_count")) != ReelResult.Success
            || (result = Arguments.Reserved(s.reserved, function, "submit->reserved")) != ReelResult.Success)
            return result;
        if ((s.wait_count > 0 && s.waits == null) || (s.signal_count > 0 && s.signals == null))
        {
            string field = s.wait_count > 0 && s.waits == null ? "waits" : "signals";
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: submit->{field} is NULL but its count is not 0");
        }
        var waits = new TimelineWait[s.wait_count];
        for (int i = 0; i < waits.Length; i++)
        {
            result = GpuTimelineOf(resolved!, s.waits[i].timeline, function, $"submit->waits[{i}].timeline", signal: false, out Semaphore semaphore);
            if (result != ReelResult.Success)
                return result;
            waits[i] = new TimelineWait(semaphore, s.waits[i].value, (PipelineStageFlags2)s.waits[i].vk_stage_mask);
        }
        var signals = new TimelineSignal[s.signal_count];
        for (int i = 0; i < signals.Length; i++)
        {
            result = GpuTimelineOf(resolved!, s.signals[i].timeline, function, $"submit->signals[{i}].timeline", signal: true, out Semaphore semaphore);
            if (result != ReelResult.Success)
                return result;
            signals[i] = new TimelineSignal(semaphore, s.signals[i].value);
        }
        result = resolved!.Submit(new CommandBuffer(vkCommandBuffer), waits, signals, function, out ulong value);
        if (result == ReelResult.Success && outValue != null)
            *outValue = value;
        return result;
    }

    /// <summary>The semaphore of a GPU timeline of <paramref name="device"/> a submission may wait on (or signal: not a queue timeline).</summary>
    private static ReelResult GpuTimelineOf(GpuDevice device, ulong raw, string function, string argument, bool signal, out Semaphore semaphore)
    {
        semaphore = default;
        ReelResult result = GpuArguments.Timeline(raw, function, out TimelineObject? timeline, argument);
        if (result != ReelResult.Success)
            return result;
        if (timeline!.Gpu is null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is a CPU timeline; the GPU waits for and signals GPU timelines only (signal the CPU timeline after waiting on the queue's)");
        if (timeline.Device != device)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} belongs to another device");
        if (signal && timeline.IsQueueTimeline)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is a queue timeline; only its queue's submissions signal it");
        semaphore = timeline.Gpu.Semaphore;
        return ReelResult.Success;
    }
}
