using Reel.Abi;
using Reel.Errors;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Interop;

/// <summary>A failed Vulkan call as a ReelResult and a last-error message that names the call and the VkResult.</summary>
internal static class VulkanCall
{
    /// <summary>Success for VK_SUCCESS; otherwise records "<paramref name="function"/>: <paramref name="call"/> returned X" and returns its mapping.</summary>
    public static ReelResult Check(Result result, string function, string call)
    {
        if (result == Result.Success)
            return ReelResult.Success;
        return LastError.Set(Map(result), $"{function}: {call} returned {VulkanNames.Of(result)} ({(int)result})");
    }

    /// <summary>The Reel result for a VkResult: memory, unsupported, limits, timeouts, device loss; everything else is internal.</summary>
    public static ReelResult Map(Result result) => result switch
    {
        Result.Success => ReelResult.Success,
        Result.NotReady => ReelResult.NotReady,
        Result.Timeout => ReelResult.Timeout,
        Result.ErrorOutOfHostMemory or Result.ErrorOutOfDeviceMemory
            or Result.ErrorOutOfPoolMemory or Result.ErrorFragmentedPool => ReelResult.ErrorOutOfMemory,
        Result.ErrorLayerNotPresent or Result.ErrorExtensionNotPresent or Result.ErrorFeatureNotPresent
            or Result.ErrorIncompatibleDriver or Result.ErrorFormatNotSupported or Result.ErrorImageUsageNotSupportedKhr
            or Result.ErrorVideoPictureLayoutNotSupportedKhr or Result.ErrorVideoProfileOperationNotSupportedKhr
            or Result.ErrorVideoProfileFormatNotSupportedKhr or Result.ErrorVideoProfileCodecNotSupportedKhr
            or Result.ErrorVideoStdVersionNotSupportedKhr => ReelResult.ErrorUnsupported,
        Result.ErrorTooManyObjects => ReelResult.ErrorLimitReached,
        Result.ErrorDeviceLost => ReelResult.ErrorDeviceLost,
        _ => ReelResult.ErrorInternal,
    };
}
