using System;

namespace Reel.Vulkan.Device;

/// <summary>What Reel uses a queue for; one queue may serve several roles.</summary>
[Flags]
public enum QueueRoles
{
    /// <summary>Nothing yet.</summary>
    None = 0,
    /// <summary>Graphics work (and, on such families, compute and transfer).</summary>
    Graphics = 1,
    /// <summary>Compute work (format conversion, scaling).</summary>
    Compute = 2,
    /// <summary>Copies and uploads.</summary>
    Transfer = 4,
    /// <summary>Video decode (VK_KHR_video_decode_queue).</summary>
    VideoDecode = 8,
    /// <summary>Video encode (VK_KHR_video_encode_queue).</summary>
    VideoEncode = 16,
}
