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
    public static ReelResult Create(ulong device, reel_video_session_desc_t* desc, ulong* outSession)
    {
        const string Function = "reel_video_session_create";
        try
        {
            return CreateSession(device, desc, outSession, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_video_session_destroy")]
    public static ReelResult Destroy(ulong session)
    {
        const string Function = "reel_video_session_destroy";
        try
        {
            if (session == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Sessions, session, Function, "session", out VideoSession? removed);
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

    [UnmanagedCallersOnly(EntryPoint = "reel_video_session_get_info")]
    public static ReelResult GetInfo(ulong session, reel_video_session_info_t* outInfo)
    {
        const string Function = "reel_video_session_get_info";
        try
        {
            ReelResult result = GpuArguments.Session(session, Function, out VideoSession? resolved);
            if (result != ReelResult.Success)
                return result;
            var info = new reel_video_session_info_t
            {
                codec_operation = resolved!.Operation,
                vk_video_session = resolved.Session.Handle,
                vk_session_parameters = resolved.Parameters.Handle,
                queue_family_index = resolved.Queue.FamilyIndex,
                vk_picture_format = (int)resolved.PictureFormat,
                vk_reference_format = (int)resolved.ReferenceFormat,
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
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateSession(ulong device, reel_video_session_desc_t* desc, ulong* outSession, string function)
    {
        ReelResult result = Arguments.NotNull(outSession, function, "out_session");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out reel_video_session_desc_t d)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.CodecOperation(d.codec_operation, allowNone: false, function, "desc->codec_operation")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_width, 1, 16384, function, "desc->max_width")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_height, 1, 16384, function, "desc->max_height")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_dpb_slots, 0, 64, function, "desc->max_dpb_slots")) != ReelResult.Success
            || (result = GpuArguments.Range(d.max_active_references, 0, 64, function, "desc->max_active_references")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success)
            return result;
        if (d.bit_depth is not (0 or 8 or 10))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->bit_depth is {d.bit_depth}; expected 0, 8 or 10");
        if (d.vk_picture_format < 0 || d.vk_reference_format < 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->{(d.vk_picture_format < 0 ? "vk_picture_format" : "vk_reference_format")} is {(d.vk_picture_format < 0 ? d.vk_picture_format : d.vk_reference_format)}; expected a VkFormat or 0 (VK_FORMAT_UNDEFINED)");
        var options = new VideoSessionOptions
        {
            Operation = d.codec_operation,
            BitDepth = d.bit_depth,
            MaxWidth = d.max_width,
            MaxHeight = d.max_height,
            MaxDpbSlots = d.max_dpb_slots,
            MaxActiveReferences = d.max_active_references,
            PictureFormat = (Format)d.vk_picture_format,
            ReferenceFormat = (Format)d.vk_reference_format,
        };
        result = resolved!.CreateVideoSession(options, function, out VideoSession? session);
        if (result == ReelResult.Success)
            *outSession = session!.Handle.Value;
        return result;
    }
}
