using Reel.Abi;
using Reel.Errors;

namespace Reel.Vulkan.Interop;

/// <summary>A failed Vulkan call as a ReelResult and a last-error message that names the call and the VkResult.</summary>
internal static class VulkanCall
{
    /// <summary>Success for VK_SUCCESS; otherwise records "<paramref name="function"/>: <paramref name="call"/> returned X" and returns its mapping.</summary>
    public static ReelResult Check(VkResult result, string function, string call)
    {
        if (result == VkResult.VK_SUCCESS)
            return ReelResult.Success;
        return LastError.Set(Map(result), $"{function}: {call} returned {result} ({(int)result})");
    }

    /// <summary>The Reel result for a VkResult: memory, unsupported, limits, timeouts, device loss; everything else is internal.</summary>
    public static ReelResult Map(VkResult result) => result switch
    {
        VkResult.VK_SUCCESS => ReelResult.Success,
        VkResult.VK_NOT_READY => ReelResult.NotReady,
        VkResult.VK_TIMEOUT => ReelResult.Timeout,
        VkResult.VK_ERROR_OUT_OF_HOST_MEMORY or VkResult.VK_ERROR_OUT_OF_DEVICE_MEMORY
            or VkResult.VK_ERROR_OUT_OF_POOL_MEMORY or VkResult.VK_ERROR_FRAGMENTED_POOL => ReelResult.ErrorOutOfMemory,
        VkResult.VK_ERROR_LAYER_NOT_PRESENT or VkResult.VK_ERROR_EXTENSION_NOT_PRESENT or VkResult.VK_ERROR_FEATURE_NOT_PRESENT
            or VkResult.VK_ERROR_INCOMPATIBLE_DRIVER or VkResult.VK_ERROR_FORMAT_NOT_SUPPORTED or VkResult.VK_ERROR_IMAGE_USAGE_NOT_SUPPORTED_KHR
            or VkResult.VK_ERROR_VIDEO_PICTURE_LAYOUT_NOT_SUPPORTED_KHR or VkResult.VK_ERROR_VIDEO_PROFILE_OPERATION_NOT_SUPPORTED_KHR
            or VkResult.VK_ERROR_VIDEO_PROFILE_FORMAT_NOT_SUPPORTED_KHR or VkResult.VK_ERROR_VIDEO_PROFILE_CODEC_NOT_SUPPORTED_KHR
            or VkResult.VK_ERROR_VIDEO_STD_VERSION_NOT_SUPPORTED_KHR => ReelResult.ErrorUnsupported,
        VkResult.VK_ERROR_TOO_MANY_OBJECTS => ReelResult.ErrorLimitReached,
        VkResult.VK_ERROR_DEVICE_LOST => ReelResult.ErrorDeviceLost,
        _ => ReelResult.ErrorInternal,
    };
}
