using Reel.Abi;

namespace Reel.Vulkan.Api;

/// <summary>The queue a command buffer is for (<c>reel_gpu_queue_t</c>). Values are pinned.</summary>
[CType("reel_gpu_queue_t", MemberPrefix = "REEL_GPU_QUEUE_")]
public enum GpuQueueRole
{
    /// <summary>The graphics queue.</summary>
    Graphics = 0,
    /// <summary>The compute queue (an async compute queue where the device has one).</summary>
    Compute = 1,
    /// <summary>The transfer queue (a DMA queue where the device has one).</summary>
    Transfer = 2,
    /// <summary>The video decode queue.</summary>
    VideoDecode = 3,
    /// <summary>The video encode queue.</summary>
    VideoEncode = 4,
}
