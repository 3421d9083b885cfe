using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_buffer_release_deferred, reel_context_acquire_staging.</summary>
internal static unsafe class LifetimeExports
{
    /// <summary>Longest deferral in frames (documented in reel.h).</summary>
    public const uint MaxDeferFrames = 100_000;

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_release_deferred")]
    public static ReelResult ReleaseDeferred(ulong buffer, uint frames)
    {
        const string Function = "reel_buffer_release_deferred";
        try
        {
            var handle = new Handle(buffer);
            HandleError error = Buffers.Resolve(handle, out SlotPool? pool, out _);
            if (error != HandleError.None)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{Function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Buffer, "buffer"));
            if (frames > MaxDeferFrames)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: frames is {frames}; allowed 0 to {MaxDeferFrames}");
            ReelContext context = pool!.Owner.Context;
            context.Deferred.ReleaseAtFrame(handle, context.Clock.Frame + Math.Max(1, frames));
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_acquire_staging")]
    public static ReelResult AcquireStaging(ulong context, nuint size, ulong* outBuffer)
    {
        const string Function = "reel_context_acquire_staging";
        try
        {
            ReelResult result = Arguments.NotNull(outBuffer, Function, "out_buffer");
            if (result != ReelResult.Success)
                return result;
            *outBuffer = 0;
            result = Arguments.Context(context, Function, out ReelContext? ctx);
            if (result != ReelResult.Success)
                return result;
            result = ctx!.AcquireStaging(size, Function, out Handle buffer);
            *outBuffer = buffer.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
