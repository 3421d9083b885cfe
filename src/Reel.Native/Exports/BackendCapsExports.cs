using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;

namespace Reel.Native.Exports;

/// <summary>reel_backend_caps.</summary>
internal static unsafe class BackendCapsExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_backend_caps")]
    public static ReelResult Caps(ulong device, uint index, reel_backend_caps_t* outCaps)
    {
        const string Function = "reel_backend_caps";
        try
        {
            return Describe(device, index, outCaps, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult Describe(ulong device, uint index, reel_backend_caps_t* outCaps, string function)
    {
        GpuDevice? resolved = null;
        ReelResult result;
        // REEL_NULL_HANDLE is allowed here: the Vulkan entry then reports the loader only.
        if (device != 0 && (result = GpuArguments.Device(device, function, out resolved)) != ReelResult.Success)
            return result;
        IReadOnlyList<IBackend> backends = BackendRegistry.All;
        if (index >= backends.Count)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: index is {index}; this libreel has {backends.Count} backends (0 to {backends.Count - 1})");
        IBackend entry = backends[(int)index];
        // A device describes the Vulkan backend through that device; other backends have none.
        BackendDescription backend = entry is VulkanBackend vulkan && resolved is not null ? vulkan.Describe(resolved) : entry.Describe();
        var caps = new reel_backend_caps_t
        {
            backend_count = (uint)backends.Count,
            kind = backend.Kind,
            available = backend.Available ? 1u : 0u,
            api_version = backend.ApiVersion,
            driver_version = backend.DriverVersion,
            vendor_id = backend.VendorId,
            device_id = backend.DeviceId,
            queue_family_count = (uint)Math.Min(backend.QueueFamilies.Count, 16),
            heap_count = (uint)Math.Min(backend.Heaps.Count, 16),
            codec_count = (uint)Math.Min(backend.Codecs.Count, 16),
        };
        Utf8Argument.Write(backend.Name, caps.name, 64);
        Utf8Argument.Write(backend.DeviceName, caps.device_name, 256);
        Utf8Argument.Write(backend.Driver, caps.driver, 256);
        Utf8Argument.Write(backend.UnavailableReason, caps.unavailable_reason, 256);
        for (int i = 0; i < caps.queue_family_count; i++)
        {
            var family = backend.QueueFamilies[i];
            caps.queue_families[i] = new reel_queue_family_caps_t
            {
                vk_queue_flags = family.Flags,
                queue_count = family.Count,
                video_codec_operations = family.CodecOperations,
                reel_queues = family.ReelQueues,
            };
        }
        for (int i = 0; i < caps.heap_count; i++)
            caps.heaps[i] = ToDesc(backend.Heaps[i]);
        for (int i = 0; i < caps.codec_count; i++)
            caps.codecs[i] = ToDesc(backend.Codecs[i]);
        return VersionedStruct.Write(outCaps, in caps, function, "out_caps");
    }

    private static reel_gpu_heap_stats_t ToDesc(in DeviceHeap heap) => new()
    {
        size = heap.Size,
        block_bytes = heap.BlockBytes,
        allocation_bytes = heap.AllocationBytes,
        budget = heap.Budget,
        usage = heap.Usage,
        device_local = heap.DeviceLocal ? 1u : 0u,
        budget_known = heap.BudgetKnown ? 1u : 0u,
    };

    private static reel_video_codec_caps_t ToDesc(CodecCaps codec)
    {
        var desc = new reel_video_codec_caps_t
        {
            operation = codec.Operation,
            profile = codec.Profile,
            max_level = codec.MaxLevel,
            flags = codec.Flags,
            min_width = codec.MinWidth,
            min_height = codec.MinHeight,
            max_width = codec.MaxWidth,
            max_height = codec.MaxHeight,
            width_granularity = codec.WidthGranularity,
            height_granularity = codec.HeightGranularity,
            max_dpb_slots = codec.MaxDpbSlots,
            max_active_references = codec.MaxActiveReferences,
            bitstream_offset_alignment = codec.BitstreamOffsetAlignment,
            bitstream_size_alignment = codec.BitstreamSizeAlignment,
            luma_bit_depths = codec.LumaBitDepths,
            chroma_subsampling = codec.ChromaSubsampling,
            rate_control_modes = codec.RateControlModes,
            quality_levels = codec.QualityLevels,
            max_bitrate = codec.MaxBitrate,
        };
        Utf8Argument.Write(codec.Implementation, desc.implementation, 64);
        return desc;
    }
}
