namespace Reel.Vulkan.Interop;

/// <summary>
/// The names of the Vulkan extensions Reel enables or looks for. Extensions with entry points
/// take the name from their Silk.NET class; those that only add structs or enumerants have no
/// class there, so their names are written out (the layout tests compare each with the
/// *_EXTENSION_NAME macro of the Vulkan headers).
/// </summary>
public static class ExtensionNames
{
    /// <summary>VK_EXT_debug_utils: the messenger that captures validation messages.</summary>
    public const string ExtDebugUtils = Silk.NET.Vulkan.Extensions.EXT.ExtDebugUtils.ExtensionName;

    /// <summary>VK_EXT_validation_features: turns on synchronization validation.</summary>
    public const string ExtValidationFeatures = "VK_EXT_validation_features";

    /// <summary>VK_EXT_layer_settings: the validation layer's settings without environment variables.</summary>
    public const string ExtLayerSettings = "VK_EXT_layer_settings";

    /// <summary>VK_EXT_memory_budget: heap budget and usage.</summary>
    public const string ExtMemoryBudget = "VK_EXT_memory_budget";

    /// <summary>VK_KHR_synchronization2 (core in Vulkan 1.3).</summary>
    public const string KhrSynchronization2 = Silk.NET.Vulkan.Extensions.KHR.KhrSynchronization2.ExtensionName;

    /// <summary>VK_KHR_timeline_semaphore (core in Vulkan 1.2).</summary>
    public const string KhrTimelineSemaphore = Silk.NET.Vulkan.Extensions.KHR.KhrTimelineSemaphore.ExtensionName;

    /// <summary>VK_KHR_video_queue: video sessions, capabilities and formats.</summary>
    public const string KhrVideoQueue = Silk.NET.Vulkan.Extensions.KHR.KhrVideoQueue.ExtensionName;

    /// <summary>VK_KHR_video_decode_queue.</summary>
    public const string KhrVideoDecodeQueue = Silk.NET.Vulkan.Extensions.KHR.KhrVideoDecodeQueue.ExtensionName;

    /// <summary>VK_KHR_video_encode_queue.</summary>
    public const string KhrVideoEncodeQueue = Silk.NET.Vulkan.Extensions.KHR.KhrVideoEncodeQueue.ExtensionName;

    /// <summary>VK_KHR_video_maintenance1: profile-independent bitstream buffers.</summary>
    public const string KhrVideoMaintenance1 = "VK_KHR_video_maintenance1";

    /// <summary>VK_KHR_video_decode_h264.</summary>
    public const string KhrVideoDecodeH264 = "VK_KHR_video_decode_h264";

    /// <summary>VK_KHR_video_decode_h265.</summary>
    public const string KhrVideoDecodeH265 = "VK_KHR_video_decode_h265";

    /// <summary>VK_KHR_video_decode_av1.</summary>
    public const string KhrVideoDecodeAv1 = "VK_KHR_video_decode_av1";

    /// <summary>VK_KHR_video_encode_h264.</summary>
    public const string KhrVideoEncodeH264 = "VK_KHR_video_encode_h264";

    /// <summary>VK_KHR_video_encode_h265.</summary>
    public const string KhrVideoEncodeH265 = "VK_KHR_video_encode_h265";

    /// <summary>VK_KHR_video_encode_av1.</summary>
    public const string KhrVideoEncodeAv1 = "VK_KHR_video_encode_av1";
}
