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
    public static ReelResult Create(ulong context, DeviceDesc* desc, ulong* outDevice)
    {
        try
        {
            return CreateDevice(context, desc, outDevice);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_device_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_adopt")]
    public static ReelResult Adopt(ulong context, VulkanAdoptionDesc* adoption, ulong* outDevice)
    {
        try
        {
            return AdoptDevice(context, adoption, outDevice);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_device_adopt", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_destroy")]
    public static ReelResult Destroy(ulong device)
    {
        try
        {
            if (device == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Devices, device, "reel_device_destroy", "device", out GpuDevice? removed);
            if (result == ReelResult.Success)
                removed!.Destroy();
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_device_destroy", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_get_info")]
    public static ReelResult GetInfo(ulong device, DeviceInfoDesc* outInfo)
    {
        try
        {
            return DescribeDevice(device, outInfo);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_device_get_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_device_get_memory_stats")]
    public static ReelResult GetMemoryStats(ulong device, GpuMemoryStatsDesc* outStats)
    {
        try
        {
            return DescribeMemory(device, outStats);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_device_get_memory_stats", e);
        }
    }

    private static ReelResult CreateDevice(ulong context, DeviceDesc* desc, ulong* outDevice)
    {
        const string Function = "reel_device_create";
        ReelResult result = Arguments.NotNull(outDevice, Function, "out_device");
        if (result != ReelResult.Success)
            return result;
        result = Arguments.Context(context, Function, out ReelContext? ctx);
        if (result != ReelResult.Success)
            return result;
        DeviceDesc d = default;
        if (desc != null && (result = VersionedStruct.Read(desc, Function, "desc", out d)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.Flags(d.flags, (uint)(DeviceFlags.Validation | DeviceFlags.NoVideo), Function, "desc->flags", "REEL_DEVICE_FLAG_*")) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, Function, "desc->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.application_name, Function, "desc->application_name", out string? name)) != ReelResult.Success)
            return result;
        if (d.vulkan_api_version != 0 && (VulkanVersion.WithoutPatch(d.vulkan_api_version) < VulkanVersion.V1_1 || VulkanVersion.Major(d.vulkan_api_version) != 1))
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{Function}: desc->vulkan_api_version is {VulkanVersion.Format(d.vulkan_api_version)}; Reel runs Vulkan 1.1 to 1.x (0 = 1.3)");
        }
        if (d.physical_device > int.MaxValue)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: desc->physical_device is {d.physical_device}; 0 picks the best device, N the N-th");
        result = ReadRun(d.max_frames_in_flight, d.command_buffers_per_queue, d.memory_block_size, d.empty_block_frames, Function, "desc", out GpuDeviceOptions? run);
        if (result != ReelResult.Success)
            return result;
        var options = new GpuDeviceOptions
        {
            MaxFramesInFlight = run!.MaxFramesInFlight,
            CommandBuffersPerQueue = run.CommandBuffersPerQueue,
            Allocator = run.Allocator,
            Validation = (d.flags & (uint)DeviceFlags.Validation) != 0,
            EnableVideo = (d.flags & (uint)DeviceFlags.NoVideo) == 0,
            PhysicalDeviceIndex = (int)d.physical_device - 1,
            ApiVersion = d.vulkan_api_version == 0 ? VulkanVersion.V1_3 : d.vulkan_api_version,
            ApplicationName = name ?? "reel",
        };
        result = GpuDevice.Create(ctx!, options, Function, out GpuDevice? device);
        if (result == ReelResult.Success)
            *outDevice = device!.Handle.Value;
        return result;
    }

    private static ReelResult AdoptDevice(ulong context, VulkanAdoptionDesc* adoption, ulong* outDevice)
    {
        const string Function = "reel_device_adopt";
        ReelResult result = Arguments.NotNull(outDevice, Function, "out_device");
        if (result != ReelResult.Success)
            return result;
        result = Arguments.Context(context, Function, out ReelContext? ctx);
        if (result != ReelResult.Success || (result = Arguments.NotNull(adoption, Function, "adoption")) != ReelResult.Success)
            return result;
        if ((result = VersionedStruct.Read(adoption, Function, "adoption", out VulkanAdoptionDesc a)) != ReelResult.Success)
            return result;
        if ((result = GpuArguments.Flags(a.flags, (uint)DeviceFlags.Validation, Function, "adoption->flags", "REEL_DEVICE_FLAG_VALIDATION")) != ReelResult.Success
            || (result = GpuArguments.Flags(a.enabled_features, 0xF, Function, "adoption->enabled_features", "REEL_VULKAN_FEATURE_*")) != ReelResult.Success)
            return result;
        if (a.instance == 0 || a.physical_device == 0 || a.device == 0)
        {
            string field = a.instance == 0 ? "instance" : a.physical_device == 0 ? "physical_device" : "device";
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: adoption->{field} is NULL");
        }
        if ((result = ReadNames(a.instance_extensions, a.instance_extension_count, Function, "instance_extension", out List<string>? instanceExtensions)) != ReelResult.Success
            || (result = ReadNames(a.device_extensions, a.device_extension_count, Function, "device_extension", out List<string>? deviceExtensions)) != ReelResult.Success
            || (result = ReadQueues(a.queues, a.queue_count, Function, out List<AdoptedQueue>? queues)) != ReelResult.Success
            || (result = ReadRun(a.max_frames_in_flight, a.command_buffers_per_queue, a.memory_block_size, a.empty_block_frames, Function, "adoption", out GpuDeviceOptions? run)) != ReelResult.Success)
            return result;
        bool validation = (a.flags & (uint)DeviceFlags.Validation) != 0;
        var description = new VulkanAdoption
        {
            GetInstanceProcAddr = a.vk_get_instance_proc_addr,
            Instance = new Instance(a.instance),
            InstanceApiVersion = a.instance_api_version,
            InstanceExtensions = instanceExtensions!,
            PhysicalDevice = new PhysicalDevice(a.physical_device),
            Device = new Device(a.device),
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
        result = GpuDevice.Adopt(ctx, description, options, Function, out GpuDevice? device);
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

    private static ReelResult ReadQueues(VulkanQueueDesc* queues, uint count, string function, out List<AdoptedQueue>? list)
    {
        list = null;
        if (count is 0 or > MaxQueues)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queue_count is {count}; allowed 1 to {MaxQueues}");
        if (queues == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queues is NULL but adoption->queue_count is {count}");
        list = new List<AdoptedQueue>((int)count);
        for (uint i = 0; i < count; i++)
        {
            if (queues[i].queue == 0)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption->queues[{i}].queue is NULL");
            list.Add(new AdoptedQueue(queues[i].family_index, queues[i].index, new Queue(queues[i].queue)));
        }
        return ReelResult.Success;
    }

    private static ReelResult DescribeDevice(ulong device, DeviceInfoDesc* outInfo)
    {
        const string Function = "reel_device_get_info";
        ReelResult result = GpuArguments.Device(device, Function, out GpuDevice? resolved);
        if (result != ReelResult.Success)
            return result;
        VulkanDevice vulkan = resolved!.Vulkan;
        var info = new DeviceInfoDesc
        {
            api_version = vulkan.ApiVersion,
            instance = vulkan.Instance.Handle.Handle,
            physical_device = vulkan.PhysicalDevice.Handle.Handle,
            device = vulkan.Handle.Handle,
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
            info.queue[role] = queue?.Queue.Handle.Handle ?? 0;
        }
        Utf8Argument.Write(vulkan.PhysicalDevice.Name, info.device_name, 256);
        Utf8Argument.Write(vulkan.PhysicalDevice.DriverName, info.driver_name, 256);
        return VersionedStruct.Write(outInfo, in info, Function, "out_info");
    }

    private static ReelResult DescribeMemory(ulong device, GpuMemoryStatsDesc* outStats)
    {
        const string Function = "reel_device_get_memory_stats";
        ReelResult result = GpuArguments.Device(device, Function, out GpuDevice? resolved);
        if (result != ReelResult.Success)
            return result;
        GpuMemoryStats stats = resolved!.Allocator.GetStats();
        var desc = new GpuMemoryStatsDesc
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
        return VersionedStruct.Write(outStats, in desc, Function, "out_stats");
    }

    /// <summary>A heap as reel_gpu_heap_stats_t.</summary>
    internal static GpuHeapStatsDesc ToDesc(in HeapStats heap) => new()
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
