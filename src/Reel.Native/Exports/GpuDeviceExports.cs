using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Validation;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_device_create/adopt/destroy/get_info/get_memory_stats.</summary>
internal static unsafe class GpuDeviceExports
{
    /// <summary>Most extension names or queues an adoption may list (documented in reel.h).</summary>
    private const uint MaxExtensions = 256, MaxQueues = 64;

    [UnmanagedCallersOnly(EntryPoint = "reel_device_create")]
    public static ReelResult Create(ulong context, reel_device_desc_t* desc, ulong* outDevice)
    {
        const string Function = "reel_device_create";
        try
        {
            return CreateDevice(context, desc, outDevice, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_adopt")]
    public static ReelResult Adopt(ulong context, reel_vulkan_adoption_t* adoption, ulong* outDevice)
    {
        const string Function = "reel_device_adopt";
        try
        {
            return AdoptDevice(context, adoption, outDevice, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_destroy")]
    public static ReelResult Destroy(ulong device)
    {
        const string Function = "reel_device_destroy";
        try
        {
            if (device == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Devices, device, Function, "device", out GpuDevice? removed);
            if (result == ReelResult.Success)
                removed!.Destroy();
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_get_info")]
    public static ReelResult GetInfo(ulong device, reel_device_info_t* outInfo)
    {
        const string Function = "reel_device_get_info";
        try
        {
            return DescribeDevice(device, outInfo, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_get_memory_stats")]
    public static ReelResult GetMemoryStats(ulong device, reel_gpu_memory_stats_t* outStats)
    {
        const string Function = "reel_device_get_memory_stats";
        try
        {
            return DescribeMemory(device, outStats, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateDevice(ulong context, reel_device_desc_t* desc, ulong* outDevice, string function)
    {
        ReelResult result = Arguments.NotNull(outDevice, function, "out_device");
        if (result != ReelResult.Success)
            return result;
        result = Arguments.Context(context, function, out ReelContext? ctx);
        if (result != ReelResult.Success)
            return result;
        reel_device_desc_t d = default;
        if (desc != null && (result = VersionedStruct.Read(desc, function, "desc", out d)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.Flags(d.flags, (uint)(DeviceFlags.Validation | DeviceFlags.NoVideo), function, "desc->flags", "REEL_DEVICE_FLAG_*")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.application_name, function, "desc->application_name", out string? name)) != ReelResult.Success)
            return result;
        if (d.vulkan_api_version != 0 && (VulkanVersion.WithoutPatch(d.vulkan_api_version) < VulkanVersion.V1_1 || VulkanVersion.Major(d.vulkan_api_version) != 1))
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->vulkan_api_version is {VulkanVersion.Format(d.vulkan_api_version)}; Reel runs Vulkan 1.1 to 1.x (0 = 1.3)");
        }
        result = ReadRun(d.max_frames_in_flight, d.command_buffers_per_queue, d.memory_block_size, d.empty_block_frames, function, "desc", out GpuDeviceOptions? run);
        if (result != ReelResult.Success)
            return result;
        var options = new GpuDeviceOptions
        {
            MaxFramesInFlight = run!.MaxFramesInFlight,
            CommandBuffersPerQueue = run.CommandBuffersPerQueue,
            Allocator = run.Allocator,
            Validation = (d.flags & (uint)DeviceFlags.Validation) != 0,
            EnableVideo = (d.flags & (uint)DeviceFlags.NoVideo) == 0,
            PhysicalDevice = d.physical_device,
            ApiVersion = d.vulkan_api_version == 0 ? VulkanVersion.V1_3 : d.vulkan_api_version,
            ApplicationName = name ?? "reel",
        };
        result = GpuDevice.Create(ctx!, options, function, out GpuDevice? device);
        if (result == ReelResult.Success)
            *outDevice = device!.Handle.Value;
        return result;
    }

    private static ReelResult AdoptDevice(ulong context, reel_vulkan_adoption_t* adoption, ulong* outDevice, string function)
    {
        ReelResult result = Arguments.NotNull(outDevice, function, "out_device");
        if (result != ReelResult.Success)
            return result;
        result = Arguments.Context(context, function, out ReelContext? ctx);
        if (result != ReelResult.Success || (result = Arguments.NotNull(adoption, function, "adoption")) != ReelResult.Success)
            return result;
        if ((result = VersionedStruct.Read(adoption, function, "adoption", out reel_vulkan_adoption_t a)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.Flags(a.flags, (uint)DeviceFlags.Validation, function, "adoption->flags", "REEL_DEVICE_FLAG_VALIDATION")) != ReelResult.Success
            || (result = GpuArguments.Flags(a.enabled_features, 0xF, function, "adoption->enabled_features", "REEL_VULKAN_FEATURE_*")) != ReelResult.Success)
            return result;
        if (a.vk_instance == 0 || a.vk_physical_device == 0 || a.vk_device == 0)
        {
            string field = a.vk_instance == 0 ? "vk_instance" : a.vk_physical_device == 0 ? "vk_physical_device" : "vk_device";
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->{field} is NULL");
        }
        if ((result = ReadNames(a.instance_extensions, a.instance_extension_count, function, "instance_extension", out List<string>? instanceExtensions)) != ReelResult.Success
            || (result = ReadNames(a.device_extensions, a.device_extension_count, function, "device_extension", out List<string>? deviceExtensions)) != ReelResult.Success
            || (result = ReadQueues(a.queues, a.queue_count, function, out List<AdoptedQueue>? queues)) != ReelResult.Success
            || (result = ReadRun(a.max_frames_in_flight, a.command_buffers_per_queue, a.memory_block_size, a.empty_block_frames, function, "adoption", out GpuDeviceOptions? run)) != ReelResult.Success)
            return result;
        bool validation = (a.flags & (uint)DeviceFlags.Validation) != 0;
        var description = new VulkanAdoption
        {
            GetInstanceProcAddr = a.vk_get_instance_proc_addr,
            Instance = new Instance(a.vk_instance),
            InstanceApiVersion = a.instance_api_version,
            InstanceExtensions = instanceExtensions!,
            PhysicalDevice = new PhysicalDevice(a.vk_physical_device),
            Device = new Device(a.vk_device),
            DeviceExtensions = deviceExtensions!,
            EnabledFeatures = (VulkanFeatures)a.enabled_features,
            Queues = queues!,
            CaptureValidation = validation ? new ValidationLog(ctx!.Log) : null,
            Log = ctx!.Log,
        };
        var options = new GpuDeviceOptions
        {
            MaxFramesInFlight = run!.MaxFramesInFlight,
            CommandBuffersPerQueue = run.CommandBuffersPerQueue,
            Allocator = run.Allocator,
            Validation = validation,
        };
        result = GpuDevice.Adopt(ctx, description, options, function, out GpuDevice? device);
        if (result == ReelResult.Success)
            *outDevice = device!.Handle.Value;
        return result;
    }

    /// <summary>The frame, command buffer and memory settings shared by create and adopt, with their defaults.</summary>
    private static ReelResult ReadRun(uint frames, uint commandBuffers, ulong blockSize, uint emptyFrames, string function, string argument, out GpuDeviceOptions? options)
    {
        options = null;
        ReelResult result;
        if (frames != 0 && (result = GpuArguments.Range(frames, 1, 16, function, $"{argument}->max_frames_in_flight")) != ReelResult.Success)
            return result;
        if (commandBuffers != 0 && (result = GpuArguments.Range(commandBuffers, 1, 256, function, $"{argument}->command_buffers_per_queue")) != ReelResult.Success)
            return result;
        if (blockSize != 0 && (result = GpuArguments.PowerOfTwo(blockSize, 1UL << 20, 1UL << 30, function, $"{argument}->memory_block_size")) != ReelResult.Success)
            return result;
        if (emptyFrames != 0 && (result = GpuArguments.Range(emptyFrames, 1, 1_000_000, function, $"{argument}->empty_block_frames")) != ReelResult.Success)
            return result;
        options = new GpuDeviceOptions
        {
            MaxFramesInFlight = frames == 0 ? Reel.Vulkan.Commands.FrameSynchronizer.DefaultMaxFramesInFlight : (int)frames,
            CommandBuffersPerQueue = commandBuffers == 0 ? Reel.Vulkan.Commands.CommandBufferManager.DefaultCapacity : (int)commandBuffers,
            Allocator = new GpuAllocatorOptions
            {
                BlockSize = blockSize == 0 ? GpuAllocatorOptions.DefaultBlockSize : blockSize,
                EmptyBlockAgeFrames = emptyFrames == 0 ? GpuAllocatorOptions.DefaultEmptyBlockAgeFrames : emptyFrames,
            },
        };
        return ReelResult.Success;
    }

    private static ReelResult ReadNames(byte** names, uint count, string function, string field, out List<string>? list)
    {
        list = null;
        if (count > MaxExtensions)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->{field}_count is {count}; allowed 0 to {MaxExtensions}");
        if (count > 0 && names == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->{field}s is NULL but adoption->{field}_count is {count}");
        list = new List<string>((int)count);
        for (uint i = 0; i < count; i++)
        {
            if (names[i] == null)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->{field}s[{i}] is NULL");
            ReelResult result = Utf8Argument.Read(names[i], (int)Vk.MaxExtensionNameSize - 1, function, $"adoption->{field}s[{i}]", out string name);
            if (result != ReelResult.Success)
                return result;
            list.Add(name);
        }
        return ReelResult.Success;
    }

    private static ReelResult ReadQueues(reel_vulkan_queue_t* queues, uint count, string function, out List<AdoptedQueue>? list)
    {
        list = null;
        if (count is 0 or > MaxQueues)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queue_count is {count}; allowed 1 to {MaxQueues}");
        if (queues == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queues is NULL but adoption->queue_count is {count}");
        list = new List<AdoptedQueue>((int)count);
        for (uint i = 0; i < count; i++)
        {
            if (queues[i].vk_queue == 0)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queues[{i}].vk_queue is NULL");
            list.Add(new AdoptedQueue(queues[i].family_index, queues[i].index, new Queue(queues[i].vk_queue)));
        }
        return ReelResult.Success;
    }

    private static ReelResult DescribeDevice(ulong device, reel_device_info_t* outInfo, string function)
    {
        ReelResult result = GpuArguments.Device(device, function, out GpuDevice? resolved);
        if (result != ReelResult.Success)
            return result;
        VulkanDevice vulkan = resolved!.Vulkan;
        var info = new reel_device_info_t
        {
            api_version = vulkan.ApiVersion,
            vk_instance = vulkan.Instance.Handle.Handle,
            vk_physical_device = vulkan.PhysicalDevice.Handle.Handle,
            vk_device = vulkan.Handle.Handle,
            vk_get_instance_proc_addr = vulkan.Instance.Loader.GetInstanceProcAddr,
            adopted = resolved.IsAdopted ? 1u : 0u,
            validation = resolved.Validation is null ? 0u : 1u,
            max_frames_in_flight = (uint)resolved.Frames.MaxFramesInFlight,
            validation_errors = (ulong)(resolved.Validation?.ErrorCount ?? 0),
            validation_warnings = (ulong)(resolved.Validation?.WarningCount ?? 0),
            frame = (ulong)resolved.Frames.Frame,
        };
        for (int role = 0; role <= (int)GpuQueueRole.VideoEncode; role++)
        {
            Reel.Vulkan.Commands.CommandBufferManager? queue = resolved.QueueFor((GpuQueueRole)role);
            info.queue_family[role] = queue is null ? -1 : (int)queue.Queue.FamilyIndex;
            info.vk_queue[role] = queue?.Queue.Handle.Handle ?? 0;
        }
        Utf8Argument.Write(vulkan.PhysicalDevice.Name, info.device_name, 256);
        Utf8Argument.Write(vulkan.PhysicalDevice.DriverName, info.driver_name, 256);
        return VersionedStruct.Write(outInfo, in info, function, "out_info");
    }

    private static ReelResult DescribeMemory(ulong device, reel_gpu_memory_stats_t* outStats, string function)
    {
        ReelResult result = GpuArguments.Device(device, function, out GpuDevice? resolved);
        if (result != ReelResult.Success)
            return result;
        GpuMemoryStats stats = resolved!.Allocator.GetStats();
        var desc = new reel_gpu_memory_stats_t
        {
            heap_count = (uint)stats.Heaps.Count,
            block_count = (uint)stats.BlockCount,
            allocation_count = (uint)stats.AllocationCount,
            dedicated_count = (uint)stats.DedicatedCount,
            free_range_count = (uint)stats.FreeRangeCount,
            block_bytes = stats.BlockBytes,
            allocation_bytes = stats.AllocationBytes,
            dedicated_bytes = stats.DedicatedBytes,
            free_bytes = stats.FreeBytes,
            fragmentation = stats.Fragmentation,
            device_allocations = (ulong)stats.DeviceAllocations,
            device_frees = (ulong)stats.DeviceFrees,
            blocks_reclaimed = (ulong)stats.BlocksReclaimed,
        };
        for (int i = 0; i < stats.Heaps.Count && i < 16; i++)
            desc.heaps[i] = ToDesc(stats.Heaps[i]);
        return VersionedStruct.Write(outStats, in desc, function, "out_stats");
    }

    /// <summary>A heap as reel_gpu_heap_stats_t.</summary>
    internal static reel_gpu_heap_stats_t ToDesc(in HeapStats heap) => new()
    {
        size = heap.Size,
        block_bytes = heap.BlockBytes,
        allocation_bytes = heap.AllocationBytes,
        budget = heap.Budget,
        usage = heap.Usage,
        device_local = heap.DeviceLocal ? 1u : 0u,
        budget_known = heap.BudgetKnown ? 1u : 0u,
    };
}
