using Reel.Abi;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// Creates buffers and images with memory from a <see cref="GpuAllocator"/>: create, ask for
/// the memory requirements together with the dedicated-allocation preference
/// (VkMemoryDedicatedRequirements), allocate, bind. On any failure nothing is left behind.
/// </summary>
internal static unsafe class GpuResourceFactory
{
    /// <summary>Creates and binds a buffer as <paramref name="spec"/> says.</summary>
    public static ReelResult CreateBuffer(GpuAllocator allocator, in BufferSpec spec, string function, out GpuBuffer? buffer)
    {
        buffer = null;
        Vk vk = allocator.Device.Vk;
        VkDevice device = allocator.Device.Handle;
        var info = new BufferCreateInfo
        {
            SType = StructureType.BufferCreateInfo,
            PNext = spec.Next,
            Flags = spec.Flags,
            Size = spec.Size,
            Usage = spec.Usage,
            SharingMode = SharingMode.Exclusive,
        };
        VkBuffer handle;
        Result created = vk.CreateBuffer(device, &info, null, &handle);
        // The message is composed only on failure: it reads Silk.NET's attributes for the C names.
        if (created != Result.Success)
            return VulkanCall.Check(created, function, $"vkCreateBuffer({spec.Size} bytes, usage {VulkanNames.Of(spec.Usage)})");
        ReelResult result;

        var dedicated = new MemoryDedicatedRequirements { SType = StructureType.MemoryDedicatedRequirements };
        var requirements = new MemoryRequirements2 { SType = StructureType.MemoryRequirements2, PNext = &dedicated };
        var query = new BufferMemoryRequirementsInfo2 { SType = StructureType.BufferMemoryRequirementsInfo2, Buffer = handle };
        vk.GetBufferMemoryRequirements2(device, &query, &requirements);
        bool ownMemory = spec.Dedicated || dedicated.RequiresDedicatedAllocation || dedicated.PrefersDedicatedAllocation;
        var request = new AllocationRequest(requirements.MemoryRequirements.Size, requirements.MemoryRequirements.Alignment,
            requirements.MemoryRequirements.MemoryTypeBits, spec.Memory, ResourceKind.Linear, spec.Category, ownMemory, DedicatedBuffer: handle);
        result = allocator.Allocate(request, function, out GpuAllocation? allocation);
        if (result != ReelResult.Success)
        {
            vk.DestroyBuffer(device, handle, null);
            return result;
        }
        result = VulkanCall.Check(vk.BindBufferMemory(device, handle, allocation!.Memory, allocation.Offset), function, "vkBindBufferMemory");
        if (result != ReelResult.Success)
        {
            vk.DestroyBuffer(device, handle, null);
            allocator.Free(allocation);
            return result;
        }
        buffer = new GpuBuffer(handle, spec.Size, spec.Usage, allocation);
        return ReelResult.Success;
    }

    /// <summary>Creates and binds an image as <paramref name="info"/> says; DPB images are charged to <see cref="MemoryCategory.Dpb"/> by the caller's category.</summary>
    public static ReelResult CreateImage(GpuAllocator allocator, in ImageCreateInfo info, GpuMemoryUsage memory, MemoryCategory category,
        bool forceDedicated, string function, out GpuImage? image)
    {
        image = null;
        Vk vk = allocator.Device.Vk;
        VkDevice device = allocator.Device.Handle;
        Image handle;
        Result created;
        fixed (ImageCreateInfo* pInfo = &info)
            created = vk.CreateImage(device, pInfo, null, &handle);
        if (created != Result.Success)
        {
            return VulkanCall.Check(created, function,
                $"vkCreateImage({VulkanNames.Of(info.Format)}, {info.Extent.Width}x{info.Extent.Height}, {info.ArrayLayers} layer(s), usage {VulkanNames.Of(info.Usage)})");
        }
        ReelResult result;

        var dedicated = new MemoryDedicatedRequirements { SType = StructureType.MemoryDedicatedRequirements };
        var requirements = new MemoryRequirements2 { SType = StructureType.MemoryRequirements2, PNext = &dedicated };
        var query = new ImageMemoryRequirementsInfo2 { SType = StructureType.ImageMemoryRequirementsInfo2, Image = handle };
        vk.GetImageMemoryRequirements2(device, &query, &requirements);
        bool ownMemory = forceDedicated || dedicated.RequiresDedicatedAllocation || dedicated.PrefersDedicatedAllocation;
        ResourceKind kind = info.Tiling == ImageTiling.Linear ? ResourceKind.Linear : ResourceKind.Optimal;
        var request = new AllocationRequest(requirements.MemoryRequirements.Size, requirements.MemoryRequirements.Alignment,
            requirements.MemoryRequirements.MemoryTypeBits, memory, kind, category, ownMemory, DedicatedImage: handle);
        result = allocator.Allocate(request, function, out GpuAllocation? allocation);
        if (result != ReelResult.Success)
        {
            vk.DestroyImage(device, handle, null);
            return result;
        }
        result = VulkanCall.Check(vk.BindImageMemory(device, handle, allocation!.Memory, allocation.Offset), function, "vkBindImageMemory");
        if (result != ReelResult.Success)
        {
            vk.DestroyImage(device, handle, null);
            allocator.Free(allocation);
            return result;
        }
        image = new GpuImage(handle, info, allocation);
        return ReelResult.Success;
    }

    /// <summary>
    /// Whether the device supports an image like <paramref name="info"/> (format, type, tiling,
    /// usage, flags, extent and layers within the format's limits); the failure names what
    /// does not fit. vkCreateImage with an unsupported combination is undefined behaviour, so
    /// Reel asks first.
    /// </summary>
    public static ReelResult CheckImageSupport(VulkanDevice device, in ImageCreateInfo info, string function, string what)
    {
        var format = new PhysicalDeviceImageFormatInfo2
        {
            SType = StructureType.PhysicalDeviceImageFormatInfo2,
            PNext = info.PNext,
            Format = info.Format,
            Type = info.ImageType,
            Tiling = info.Tiling,
            Usage = info.Usage,
            Flags = info.Flags,
        };
        var properties = new ImageFormatProperties2 { SType = StructureType.ImageFormatProperties2 };
        Result status = device.Instance.Vk.GetPhysicalDeviceImageFormatProperties2(device.PhysicalDevice.Handle, &format, &properties);
        if (status == Result.ErrorFormatNotSupported)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {device.PhysicalDevice.Name} does not support {what}: format {VulkanNames.Of(info.Format)} with {VulkanNames.Of(info.Tiling)} tiling and usage {VulkanNames.Of(info.Usage)}");
        }
        ReelResult result = VulkanCall.Check(status, function, "vkGetPhysicalDeviceImageFormatProperties2");
        if (result != ReelResult.Success)
            return result;
        ImageFormatProperties limits = properties.ImageFormatProperties;
        if (info.Extent.Width > limits.MaxExtent.Width || info.Extent.Height > limits.MaxExtent.Height)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {what} is {info.Extent.Width}x{info.Extent.Height}; {VulkanNames.Of(info.Format)} images go up to {limits.MaxExtent.Width}x{limits.MaxExtent.Height} on {device.PhysicalDevice.Name}");
        }
        if (info.ArrayLayers > limits.MaxArrayLayers || info.MipLevels > limits.MaxMipLevels)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {what} has {info.ArrayLayers} layer(s) and {info.MipLevels} mip level(s); {VulkanNames.Of(info.Format)} allows {limits.MaxArrayLayers} and {limits.MaxMipLevels} on {device.PhysicalDevice.Name}");
        }
        return ReelResult.Success;
    }
}
