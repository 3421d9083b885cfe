using Reel.Abi;

namespace Reel.Vulkan.Buffers;

/// <summary>What the buffers of a GPU buffer pool are for (<c>reel_gpu_buffer_pool_kind_t</c>). Values are pinned.</summary>
[CType("reel_gpu_buffer_pool_kind_t", MemberPrefix = "REEL_GPU_BUFFER_POOL_")]
public enum GpuBufferPoolKind
{
    /// <summary>Upload staging: host-visible, TRANSFER_SRC.</summary>
    Staging = 1,
    /// <summary>Readback: host-visible and cached, TRANSFER_DST.</summary>
    Readback = 2,
    /// <summary>Bitstreams to decode: host-visible, VIDEO_DECODE_SRC where the device decodes video, else TRANSFER_SRC|DST.</summary>
    DecodeBitstream = 3,
    /// <summary>Encoded bitstreams: host-visible and cached, VIDEO_ENCODE_DST where the device encodes video, else TRANSFER_SRC|DST.</summary>
    EncodeBitstream = 4,
}
