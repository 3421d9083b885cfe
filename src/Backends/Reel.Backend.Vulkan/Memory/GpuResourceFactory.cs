using Reel.Abi;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;

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
        ref readonly VkDeviceCommands vk = ref allocator.Device.Commands;
        VkDevice device = allocator.Device.Handle;
        var info = new VkBufferCreateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
            pNext = spec.Next,
            flags = spec.Flags,
            size = spec.Size,
            usage = spec.Usage,
            sharingMode = VkSharingMode.VK_SHARING_MODE_EXCLUSIVE,
        };
        VkBuffer handle;
        ReelResult result = VulkanCall.Check(vk.vkCreateBuffer(device, &info, null, &handle), function, $"vkCreateBuffer({spec.Size} bytes, usage {spec.Usage})");
        if (result != ReelResult.Success)
            return result;

        var dedicated = new VkMemoryDedicatedRequirements { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_DEDICATED_REQUIREMENTS };
        var requirements = new VkMemoryRequirements2 { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2, pNext = &dedicated };
        var query = new VkBufferMemoryRequirementsInfo2 { sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_MEMORY_REQUIREMENTS_INFO_2, buffer = handle };
        vk.vkGetBufferMemoryRequirements2(device, &query, &requirements);
        bool ownMemory = spec.Dedicated || dedicated.requiresDedicatedAllocation != 0 || dedicated.prefersDedicatedAllocation != 0;
        var request = new AllocationRequest(requirements.memoryRequirements.size, requirements.memoryRequirements.alignment,
            requirements.memoryRequirements.memoryTypeBits, spec.Memory, ResourceKind.Linear, spec.Category, ownMemory, DedicatedBuffer: handle);
        result = allocator.Allocate(request, function, out GpuAllocation? allocation);
        if (result != ReelResult.Success)
        {
            vk.vkDestroyBuffer(device, handle, null);
            return result;
        }
        result = VulkanCall.Check(vk.vkBindBufferMemory(device, handle, allocation!.Memory, allocation.Offset), function, "vkBindBufferMemory");
        if (result != ReelResult.Success)
        {
            vk.vkDestroyBuffer(device, handle, null);
            allocator.Free(allocation);
            return result;
        }
        buffer = new GpuBuffer(handle, spec.Size, spec.Usage, allocation);
        return ReelResult.Success;
    }

    /// <summary>Creates and binds an image as <paramref name="info"/> says; DPB images are charged to <see cref="MemoryCategory.Dpb"/> by the caller's category.</summary>
    public static ReelResult CreateImage(GpuAllocator allocator, in VkImageCreateInfo info, GpuMemoryUsage memory, MemoryCategory category,
        bool forceDedicated, string function, out GpuImage? image)
    {
        image = null;
        ref readonly VkDeviceCommands vk = ref allocator.Device.Commands;
        VkDevice device = allocator.Device.Handle;
        VkImage handle;
        VkResult created;
        fixed (VkImageCreateInfo* pInfo = &info)
            created = vk.vkCreateImage(device, pInfo, null, &handle);
        ReelResult result = VulkanCall.Check(created, function,
            $"vkCreateImage({info.format}, {info.extent.width}x{info.extent.height}, {info.arrayLayers} layer(s), usage {info.usage})");
        if (result != ReelResult.Success)
            return result;

        var dedicated = new VkMemoryDedicatedRequirements { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_DEDICATED_REQUIREMENTS };
        var requirements = new VkMemoryRequirements2 { sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2, pNext = &dedicated };
        var query = new VkImageMemoryRequirementsInfo2 { sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_MEMORY_REQUIREMENTS_INFO_2, image = handle };
        vk.vkGetImageMemoryRequirements2(device, &query, &requirements);
        bool ownMemory = forceDedicated || dedicated.requiresDedicatedAllocation != 0 || dedicated.prefersDedicatedAllocation != 0;
        ResourceKind kind = info.tiling == VkImageTiling.VK_IMAGE_TILING_LINEAR ? ResourceKind.Linear : ResourceKind.Optimal;
        var request = new AllocationRequest(requirements.memoryRequirements.size, requirements.memoryRequirements.alignment,
            requirements.memoryRequirements.memoryTypeBits, memory, kind, category, ownMemory, DedicatedImage: handle);
        result = allocator.Allocate(request, function, out GpuAllocation? allocation);
        if (result != ReelResult.Success)
        {
            vk.vkDestroyImage(device, handle, null);
            return result;
        }
        result = VulkanCall.Check(vk.vkBindImageMemory(device, handle, allocation!.Memory, allocation.Offset), function, "vkBindImageMemory");
        if (result != ReelResult.Success)
        {
            vk.vkDestroyImage(device, handle, null);
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
    public static ReelResult CheckImageSupport(VulkanDevice device, in VkImageCreateInfo info, string function, string what)
    {
        var format = new VkPhysicalDeviceImageFormatInfo2
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_IMAGE_FORMAT_INFO_2,
            pNext = info.pNext,
            format = info.format,
            type = info.imageType,
            tiling = info.tiling,
            usage = info.usage,
            flags = info.flags,
        };
        var properties = new VkImageFormatProperties2 { sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_FORMAT_PROPERTIES_2 };
        VkResult status = device.Instance.Commands.vkGetPhysicalDeviceImageFormatProperties2(device.PhysicalDevice.Handle, &format, &properties);
        if (status == VkResult.VK_ERROR_FORMAT_NOT_SUPPORTED)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {device.PhysicalDevice.Name} does not support {what}: format {info.format} with {info.tiling} tiling and usage {info.usage}");
        }
        ReelResult result = VulkanCall.Check(status, function, "vkGetPhysicalDeviceImageFormatProperties2");
        if (result != ReelResult.Success)
            return result;
        VkImageFormatProperties limits = properties.imageFormatProperties;
        if (info.extent.width > limits.maxExtent.width || info.extent.height > limits.maxExtent.height)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {what} is {info.extent.width}x{info.extent.height}; {info.format} images go up to {limits.maxExtent.width}x{limits.maxExtent.height} on {device.PhysicalDevice.Name}");
        }
        if (info.arrayLayers > limits.maxArrayLayers || info.mipLevels > limits.maxMipLevels)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: {what} has {info.arrayLayers} layer(s) and {info.mipLevels} mip level(s); {info.format} allows {limits.maxArrayLayers} and {limits.maxMipLevels} on {device.PhysicalDevice.Name}");
        }
        return ReelResult.Success;
    }
}
