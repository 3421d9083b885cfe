using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Dpb;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_dpb_create/destroy/acquire_slot/release_slot/mark_reference/get_slot/get_info.</summary>
internal static unsafe class DpbExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_create")]
    public static ReelResult Create(ulong device, reel_dpb_desc_t* desc, ulong* outDpb)
    {
        const string Function = "reel_dpb_create";
        try
        {
            return CreateDpb(device, desc, outDpb, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_destroy")]
    public static ReelResult Destroy(ulong dpb)
    {
        const string Function = "reel_dpb_destroy";
        try
        {
            if (dpb == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Dpbs, dpb, Function, "dpb", out DecodedPictureBuffer? removed);
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

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_acquire_slot")]
    public static ReelResult AcquireSlot(ulong dpb, ulong frameNumber, long timestamp, uint* outSlot)
    {
        const string Function = "reel_dpb_acquire_slot";
        try
        {
            ReelResult result = Arguments.NotNull(outSlot, Function, "out_slot");
            if (result != ReelResult.Success || (result = GpuArguments.Dpb(dpb, Function, out DecodedPictureBuffer? resolved)) != ReelResult.Success)
                return result;
            result = resolved!.Acquire(frameNumber, timestamp, Function, out int slot, out long recycled);
            if (result != ReelResult.Success)
                return result;
            *outSlot = (uint)slot;
            if (recycled >= 0 && resolved.Owner.Log.IsEnabled(Reel.Abi.LogLevel.Debug))
                resolved.Owner.Log.Write(Reel.Abi.LogLevel.Debug, $"{Function}: slot {slot} recycled from non-reference frame {recycled} for frame {frameNumber}");
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_release_slot")]
    public static ReelResult ReleaseSlot(ulong dpb, uint slot)
    {
        const string Function = "reel_dpb_release_slot";
        try
        {
            ReelResult result = GpuArguments.Dpb(dpb, Function, out DecodedPictureBuffer? resolved);
            return result != ReelResult.Success ? result : resolved!.Release(slot, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_mark_reference")]
    public static ReelResult MarkReference(ulong dpb, uint slot, uint isReference)
    {
        const string Function = "reel_dpb_mark_reference";
        try
        {
            ReelResult result = GpuArguments.Dpb(dpb, Function, out DecodedPictureBuffer? resolved);
            return result != ReelResult.Success ? result : resolved!.MarkReference(slot, isReference != 0, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_get_slot")]
    public static ReelResult GetSlot(ulong dpb, uint slot, reel_dpb_slot_info_t* outInfo)
    {
        const string Function = "reel_dpb_get_slot";
        try
        {
            ReelResult result = GpuArguments.Dpb(dpb, Function, out DecodedPictureBuffer? resolved);
            if (result != ReelResult.Success || (result = resolved!.GetSlot(slot, Function, out DpbSlotPicture picture)) != ReelResult.Success)
                return result;
            var info = new reel_dpb_slot_info_t
            {
                slot = slot,
                active = picture.Slot.IsActive ? 1u : 0u,
                reference = picture.Slot.IsReference ? 1u : 0u,
                frame_number = picture.Slot.FrameNumber,
                timestamp = picture.Slot.Timestamp,
                vk_image = picture.Image.Handle,
                vk_image_view = picture.View.Handle,
                view_layer = picture.ViewLayer,
                image_layer = picture.ImageLayer,
                width = picture.Width,
                height = picture.Height,
                vk_format = (int)picture.Format,
            };
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_dpb_get_info")]
    public static ReelResult GetInfo(ulong dpb, reel_dpb_info_t* outInfo)
    {
        const string Function = "reel_dpb_get_info";
        try
        {
            ReelResult result = GpuArguments.Dpb(dpb, Function, out DecodedPictureBuffer? resolved);
            if (result != ReelResult.Success)
                return result;
            var counts = resolved!.Counts;
            var info = new reel_dpb_info_t
            {
                slot_count = (uint)counts.Slots,
                active = (uint)counts.Active,
                references = (uint)counts.References,
                recycled = (ulong)counts.Recycled,
                memory_bytes = resolved.MemoryBytes,
                layered = resolved.IsLayered ? 1u : 0u,
                vk_format = (int)resolved.Format,
                width = resolved.Options.Width,
                height = resolved.Options.Height,
                vk_usage = (uint)resolved.Usage,
            };
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateDpb(ulong device, reel_dpb_desc_t* desc, ulong* outDpb, string function)
    {
        ReelResult result = Arguments.NotNull(outDpb, function, "out_dpb");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out reel_dpb_desc_t d)) != ReelResult.Success)
            return result;
        bool video = d.codec_operation != VideoCodecOperation.None;
        if ((result = GpuArguments.CodecOperation(d.codec_operation, allowNone: true, function, "desc->codec_operation")) != ReelResult.Success
            || (result = GpuArguments.Range(d.width, 1, 16384, function, "desc->width")) != ReelResult.Success
            || (result = GpuArguments.Range(d.height, 1, 16384, function, "desc->height")) != ReelResult.Success
            || (result = GpuArguments.Range(d.slot_count, 1, DpbOptions.MaxSlots, function, "desc->slot_count")) != ReelResult.Success
            || (result = GpuArguments.Flags(d.flags, (uint)DpbFlags.SeparateImages, function, "desc->flags", "REEL_DPB_FLAG_*")) != ReelResult.Success
            || (result = GpuArguments.Flags(d.vk_usage, GpuArguments.KnownImageUsage, function, "desc->vk_usage", "VkImageUsageFlags Reel knows")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success)
            return result;
        if (d.vk_format < 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->vk_format is {d.vk_format}; expected a VkFormat");
        if (video ? d.bit_depth is not (0 or 8 or 10) : d.bit_depth != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->bit_depth is {d.bit_depth}; expected {(video ? "0, 8 or 10" : "0 for a DPB without a codec operation")}");
        var options = new DpbOptions
        {
            Format = (Format)d.vk_format,
            Width = d.width,
            Height = d.height,
            SlotCount = d.slot_count,
            Usage = (ImageUsageFlags)d.vk_usage,
            Operation = d.codec_operation,
            BitDepth = d.bit_depth,
            SeparateImages = (d.flags & (uint)DpbFlags.SeparateImages) != 0,
        };
        result = resolved!.CreateDpb(options, function, out DecodedPictureBuffer? dpb);
        if (result == ReelResult.Success)
            *outDpb = dpb!.Handle.Value;
        return result;
    }
}
