using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Native.Interop;

namespace Reel.Native.Exports;

/// <summary>reel_context_create, reel_context_destroy.</summary>
internal static unsafe class ContextExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_context_create")]
    public static ReelResult Create(ContextDesc* desc, ulong* outContext)
    {
        try
        {
            return CreateChecked(desc, outContext);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_context_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_advance_frame")]
    public static ReelResult AdvanceFrame(ulong context, ulong* outFrame)
    {
        try
        {
            ReelResult result = Arguments.Context(context, "reel_context_advance_frame", out ReelContext? resolved);
            if (result != ReelResult.Success)
                return result;
            long frame = resolved!.AdvanceFrame();
            if (outFrame != null)
                *outFrame = (ulong)frame;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_context_advance_frame", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_context_destroy")]
    public static ReelResult Destroy(ulong context)
    {
        try
        {
            return ReelContext.Destroy(new Handle(context), "reel_context_destroy");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_context_destroy", e);
        }
    }

    private static ReelResult CreateChecked(ContextDesc* desc, ulong* outContext)
    {
        const string Function = "reel_context_create";
        if (desc == null)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{Function}: desc is NULL; pass a reel_context_desc_t (reel_context_desc_default() gives the defaults)");
        }
        if (outContext == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: out_context is NULL");

        ReelResult result = VersionedStruct.Read(desc, Function, "desc", out ContextDesc d);
        if (result != ReelResult.Success)
            return result;

        result = ReadOptions(in d, Function, out ContextOptions? options);
        if (result != ReelResult.Success)
            return result;

        result = ReelContext.Create(options!, Function, out ReelContext? context);
        if (result == ReelResult.Success)
            *outContext = context!.Handle.Value;
        return result;
    }

    /// <summary>Checks the well-formedness of every field and converts them to engine options.</summary>
    private static ReelResult ReadOptions(in ContextDesc d, string function, out ContextOptions? options)
    {
        options = null;
        ReelResult result = Arguments.Reserved(d.reserved, function, "desc->reserved");
        if (result != ReelResult.Success)
            return result;

        if ((d.allocator.alloc == null) != (d.allocator.free == null))
        {
            string set = d.allocator.alloc != null ? "alloc" : "free";
            string missing = d.allocator.alloc != null ? "free" : "alloc";
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->allocator.{set} is set but desc->allocator.{missing} is NULL; set both or neither");
        }

        LogLevel level = d.log_level == 0 ? ContextOptions.DefaultLogLevel : d.log_level;
        if (level is < LogLevel.Error or > LogLevel.Trace)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->log_level is {(int)d.log_level}; allowed REEL_LOG_LEVEL_ERROR (1) to " +
                "REEL_LOG_LEVEL_TRACE (5), or 0 for REEL_LOG_LEVEL_WARNING");
        }

        result = Arguments.Name(d.name, function, "desc->name", out string? name);
        if (result != ReelResult.Success)
            return result;

        options = new ContextOptions
        {
            ApiVersion = d.api_version,
            Name = name ?? ContextOptions.DefaultName,
            Allocator = d.allocator.alloc == null
                ? UnmanagedAllocator.System
                : new UnmanagedAllocator(d.allocator.alloc, d.allocator.free, d.allocator.user_data),
            LogCallback = new LogCallback(d.log_callback, d.log_user_data),
            LogLevel = level,
        };
        return ReelResult.Success;
    }
}
