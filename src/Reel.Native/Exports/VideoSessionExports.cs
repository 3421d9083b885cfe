using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Video;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_video_session_create/destroy/get_info.</summary>
internal static unsafe class VideoSessionExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_video_session_create")]
    public static ReelResult Create(ulong device, VideoSessionDesc* desc, ulong* outSession)
    {
        try
        {
            return CreateSession(device, desc, outSession);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_video_session_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_video_session_destroy")]
    public static ReelResult Destroy(ulong session)
    {
        try
        {
            if (session == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Sessions, session, "reel_video_session_destroy", "session", out VideoSession? removed);
            if (result != ReelResult.Success)
                return result;
            removed!.Owner.Forget(removed);
            removed.Destroy();
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_video_session_destroy", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_video_session_get_info")]
    public static ReelResult GetInfo(ulong session, VideoSessionInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_video_session_get_info";
            ReelResult result = GpuArguments.Session(session, Function, out VideoSession? resolved);
            if (result != ReelResult.Success)
                return result;
            var info = new VideoSessionInfoDesc
            {
                codec_operation = resolved!.Operation,
                vk_video_session = resolved.Session.Handle,
                vk_session_parameters = resolved.Parameters.Handle,
                queue_family_index = resolved.Queue.FamilyIndex,
                picture_format = (int)resolved.PictureFormat,
                reference_format = (int)resolved.ReferenceFormat,
                max_dpb_slots = resolved.MaxDpbSlots,
                max_active_references = resolved.MaxActiveReferences,
                memory_bindings = (uint)resolved.MemoryBindings,
                memory_bytes = resolved.MemoryBytes,
                max_width = resolved.MaxExtent.Width,
                max_height = resolved.MaxExtent.Height,
            };
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_video_session_get_info", e);
        }
    }

    private static ReelResult CreateSession(ulong device, VideoSessionDesc* desc, ulong* outSession)
    {
        const string Function = "reel_video_session_create";
        ReelResult result = Arguments.NotNull(outSession, Function, "out_session");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, Function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, Function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, Function, "desc", out VideoSessionDesc d)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.CodecOperation(d.codec_operation, allowNone: false, Function, "desc->codec_operation")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_width, 1, 16384, Function, "desc->max_width")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_height, 1, 16384, Function, "desc->max_height")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_dpb_slots, 0, 64, Function, "desc->max_dpb_slots")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_active_references, 0, 64, Function, "desc->max_active_references")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, Function, "desc->reserved")) != ReelResult.Success)
            return result;
        if (d.bit_depth is not (0 or 8 or 10))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: desc->bit_depth is {d.bit_depth}; expected 0, 8 or 10");
        if (d.picture_format < 0 || d.reference_format < 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: desc->{(d.picture_format < 0 ? "picture_format" : "reference_format")} is negative; expected a VkFormat or 0");
        var options = new VideoSessionOptions
        {
            Operation = d.codec_operation,
            BitDepth = d.bit_depth,
            MaxWidth = d.max_width,
            MaxHeight = d.max_height,
            MaxDpbSlots = d.max_dpb_slots,
            MaxActiveReferences = d.max_active_references,
            PictureFormat = (Format)d.picture_format,
            ReferenceFormat = (Format)d.reference_format,
        };
        result = resolved!.CreateVideoSession(options, Function, out VideoSession? session);
        if (result == ReelResult.Success)
            *outSession = session!.Handle.Value;
        return result;
    }
}
