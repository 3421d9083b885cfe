namespace Reel.Vulkan.Memory;

/// <summary>How a <see cref="GpuAllocator"/> sizes and reclaims its blocks.</summary>
internal sealed class GpuAllocatorOptions
{
    /// <summary>Default <see cref="BlockSize"/>: 64 MiB.</summary>
    public const ulong DefaultBlockSize = 64UL << 20;

    /// <summary>Default <see cref="EmptyBlockAgeFrames"/>.</summary>
    public const long DefaultEmptyBlockAgeFrames = 120;

    /// <summary>Bytes of each shared block (heaps of 1 GiB or less get at most an eighth of the heap).</summary>
    public ulong BlockSize { get; init; } = DefaultBlockSize;

    /// <summary>Frames (of the context's frame clock) an empty block is kept before it is freed; 0 frees it at the next frame tick.</summary>
    public long EmptyBlockAgeFrames { get; init; } = DefaultEmptyBlockAgeFrames;

    /// <summary>Requests larger than this get their own VkDeviceMemory; 0 means half the block size.</summary>
    public ulong DedicatedThreshold { get; init; }

    /// <summary>
    /// Test seam: treat every memory type as non-coherent, so that flushes and invalidates reach
    /// the driver (with nonCoherentAtomSize alignment) on devices whose memory is all coherent
    /// (lavapipe), where the validation layer then checks the ranges.
    /// </summary>
    public bool TreatAllMemoryAsNonCoherent { get; init; }
}
