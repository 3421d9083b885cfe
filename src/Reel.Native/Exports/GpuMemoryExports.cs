using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Memory;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Memory;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_gpu_buffer_create, reel_gpu_image_create, reel_gpu_allocation_get_info/map/flush/invalidate/free/free_after.</summary>
internal static unsafe class GpuMemoryExports
{
    /// <summary>Largest buffer (documented in reel.h): 2^40 bytes.</summary>
    private const ulong MaxBufferSize = 1UL << 40;

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_buffer_create")]
    public static ReelResult BufferCreate(ulong device, reel_gpu_buffer_desc_t* desc, ulong* outAllocation)
    {
        const string Function = "reel_gpu_buffer_create";
        try
        {
            return CreateBuffer(device, desc, outAllocation, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_image_create")]
    public static ReelResult ImageCreate(ulong device, reel_gpu_image_desc_t* desc, ulong* outAllocation)
    {
        const string Function = "reel_gpu_image_create";
        try
        {
            return CreateImage(device, desc, outAllocation, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_get_info")]
    public static ReelResult GetInfo(ulong allocation, reel_gpu_allocation_info_t* outInfo)
    {
        const string Function = "reel_gpu_allocation_get_info";
        try
        {
            return Describe(allocation, outInfo, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_map")]
    public static ReelResult Map(ulong allocation, void** outPointer)
    {
        const string Function = "reel_gpu_allocation_map";
        try
        {
            ReelResult result = Arguments.NotNull(outPointer, Function, "out_pointer");
            if (result != ReelResult.Success || (result = GpuArguments.Allocation(allocation, Function, out GpuResource? resource)) != ReelResult.Success)
                return result;
            GpuAllocation memory = resource!.Allocation;
            if (memory.Mapped == null)
            {
                return LastError.Set(ReelResult.ErrorInvalidArgument,
                    $"{Function}: the allocation's memory (type {memory.MemoryTypeIndex}, usage {memory.Usage}) is not host-visible; use REEL_GPU_MEMORY_UPLOAD or READBACK");
            }
            *outPointer = memory.Mapped;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_flush")]
    public static ReelResult Flush(ulong allocation, ulong offset, ulong size)
    {
        const string Function = "reel_gpu_allocation_flush";
        try
        {
            ReelResult result = GpuArguments.Allocation(allocation, Function, out GpuResource? resource);
            return result != ReelResult.Success ? result : resource!.Owner.Allocator.Flush(resource.Allocation, offset, size, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_invalidate")]
    public static ReelResult Invalidate(ulong allocation, ulong offset, ulong size)
    {
        const string Function = "reel_gpu_allocation_invalidate";
        try
        {
            ReelResult result = GpuArguments.Allocation(allocation, Function, out GpuResource? resource);
            return result != ReelResult.Success ? result : resource!.Owner.Allocator.Invalidate(resource.Allocation, offset, size, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_free")]
    public static ReelResult Free(ulong allocation)
    {
        const string Function = "reel_gpu_allocation_free";
        try
        {
            if (allocation == 0)
                return ReelResult.Success;
            ReelResult result = GpuRegistry.Remove(GpuRegistry.Allocations, allocation, Function, "allocation", out GpuResource? resource);
            if (result != ReelResult.Success)
                return result;
            resource!.Owner.Forget(resource);
            resource.Release();
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_gpu_allocation_free_after")]
    public static ReelResult FreeAfter(ulong allocation, ulong timeline, ulong value)
    {
        const string Function = "reel_gpu_allocation_free_after";
        try
        {
            ReelResult result = GpuArguments.Allocation(allocation, Function, out _);
            if (result != ReelResult.Success || (result = GpuArguments.Timeline(timeline, Function, out TimelineObject? resolved)) != ReelResult.Success)
                return result;
            // Removed only now that both handles resolved: on failure the allocation stays the caller's.
            result = GpuRegistry.Remove(GpuRegistry.Allocations, allocation, Function, "allocation", out GpuResource? resource);
            if (result == ReelResult.Success)
                resource!.Owner.ReleaseAfter(resource, resource, resolved!.Timeline, value);
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateBuffer(ulong device, reel_gpu_buffer_desc_t* desc, ulong* outAllocation, string function)
    {
        ReelResult result = Arguments.NotNull(outAllocation, function, "out_allocation");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out reel_gpu_buffer_desc_t d)) != ReelResult.Success)
            return result;
        if ((result = ReadUsage(d.memory_usage, function, out GpuMemoryUsage usage)) != ReelResult.Success
            || (result = GpuArguments.Range(d.size, 1, MaxBufferSize, function, "desc->size")) != ReelResult.Success
            || (result = ReadVkUsage(d.vk_usage, GpuArguments.KnownBufferUsage, function, "VkBufferUsageFlags")) != ReelResult.Success
            || (result = GpuArguments.Flags(d.flags, (uint)(GpuAllocationFlags.Dedicated | GpuAllocationFlags.Dpb), function, "desc->flags", "REEL_GPU_ALLOCATION_FLAG_*")) != ReelResult.Success)
            return result;
        var spec = new BufferSpec
        {
            Size = d.size,
            Usage = (BufferUsageFlags)d.vk_usage,
            Memory = usage,
            Category = (d.flags & (uint)GpuAllocationFlags.Dpb) != 0 ? MemoryCategory.Dpb : MemoryCategory.Device,
            Dedicated = (d.flags & (uint)GpuAllocationFlags.Dedicated) != 0,
        };
        result = resolved!.CreateBuffer(spec, function, out GpuResource? resource);
        if (result == ReelResult.Success)
            *outAllocation = resource!.Handle.Value;
        return result;
    }

    private static ReelResult CreateImage(ulong device, reel_gpu_image_desc_t* desc, ulong* outAllocation, string function)
    {
        ReelResult result = Arguments.NotNull(outAllocation, function, "out_allocation");
        if (result != ReelResult.Success || (result = GpuArguments.Device(device, function, out GpuDevice? resolved)) != ReelResult.Success)
            return result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out reel_gpu_image_desc_t d)) != ReelResult.Success)
            return result;
        if ((result = ReadUsage(d.memory_usage, function, out GpuMemoryUsage usage)) != ReelResult.Success
            || (result = ReadVkUsage(d.vk_usage, GpuArguments.KnownImageUsage, function, "VkImageUsageFlags")) != ReelResult.Success
            || (result = GpuArguments.Range(d.width, 1, 16384, function, "desc->width")) != ReelResult.Success
            || (result = GpuArguments.Range(d.height, 1, 16384, function, "desc->height")) != ReelResult.Success
            || (result = GpuArguments.Range(d.array_layers, 0, 2048, function, "desc->array_layers")) != ReelResult.Success
            || (result = GpuArguments.Range(d.mip_levels, 0, 16, function, "desc->mip_levels")) != ReelResult.Success
            || (result = GpuArguments.Flags(d.flags, (uint)(GpuAllocationFlags.Dedicated | GpuAllocationFlags.Dpb), function, "desc->flags", "REEL_GPU_ALLOCATION_FLAG_*")) != ReelResult.Success)
            return result;
        if (d.vk_tiling is not (0 or 1))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->vk_tiling is {d.vk_tiling}; allowed 0 (VK_IMAGE_TILING_OPTIMAL) or 1 (VK_IMAGE_TILING_LINEAR)");
        if (d.vk_format <= 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->vk_format is {d.vk_format}; expected a VkFormat other than VK_FORMAT_UNDEFINED");
        var info = new ImageCreateInfo
        {
            SType = StructureType.ImageCreateInfo,
            ImageType = ImageType.Type2D,
            Format = (Format)d.vk_format,
            Extent = new Extent3D { Width = d.width, Height = d.height, Depth = 1 },
            MipLevels = Math.Max(1, d.mip_levels),
            ArrayLayers = Math.Max(1, d.array_layers),
            Samples = SampleCountFlags.Count1Bit,
            Tiling = (ImageTiling)d.vk_tiling,
            Usage = (ImageUsageFlags)d.vk_usage,
            SharingMode = SharingMode.Exclusive,
            InitialLayout = ImageLayout.Undefined,
        };
        MemoryCategory category = (d.flags & (uint)GpuAllocationFlags.Dpb) != 0 ? MemoryCategory.Dpb : MemoryCategory.Device;
        result = resolved!.CreateImage(info, usage, category, (d.flags & (uint)GpuAllocationFlags.Dedicated) != 0, function, out GpuResource? resource);
        if (result == ReelResult.Success)
            *outAllocation = resource!.Handle.Value;
        return result;
    }

    private static ReelResult Describe(ulong allocation, reel_gpu_allocation_info_t* outInfo, string function)
    {
        ReelResult result = GpuArguments.Allocation(allocation, function, out GpuResource? resource);
        if (result != ReelResult.Success)
            return result;
        GpuAllocation memory = resource!.Allocation;
        var info = new reel_gpu_allocation_info_t
        {
            memory_type_index = memory.MemoryTypeIndex,
            vk_buffer = resource.Buffer?.Handle.Handle ?? 0,
            vk_image = resource.Image?.Handle.Handle ?? 0,
            vk_device_memory = memory.Memory.Handle,
            offset = memory.Offset,
            size = memory.Size,
            resource_size = resource.Buffer?.Size ?? 0,
            mapped = memory.Mapped,
            memory_usage = memory.Usage,
            dedicated = memory.IsDedicated ? 1u : 0u,
            coherent = memory.IsCoherent ? 1u : 0u,
            pooled = resource.Pool is null ? 0u : 1u,
        };
        return VersionedStruct.Write(outInfo, in info, function, "out_info");
    }

    private static ReelResult ReadUsage(GpuMemoryUsage value, string function, out GpuMemoryUsage usage)
    {
        usage = value == 0 ? GpuMemoryUsage.DeviceLocal : value;
        return usage is >= GpuMemoryUsage.DeviceLocal and <= GpuMemoryUsage.Readback ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->memory_usage is {(int)value}; expected 0 or REEL_GPU_MEMORY_DEVICE_LOCAL (1), UPLOAD (2), READBACK (3)");
    }

    private static ReelResult ReadVkUsage(uint bits, uint known, string function, string what)
    {
        if (bits == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->vk_usage is 0; give the {what} the resource is created with");
        return GpuArguments.Flags(bits, known, function, "desc->vk_usage", what + " Reel knows");
    }
}
