using Reel.Backends;

namespace Reel.Vulkan.Buffers;

/// <summary>A GPU buffer pool to create, after the C API edge checked the ranges.</summary>
internal sealed class GpuBufferPoolOptions
{
    /// <summary>Default <see cref="MinClassSize"/>: 64 KiB.</summary>
    public const ulong DefaultMinClassSize = 64 * 1024;

    /// <summary>Default <see cref="MaxClassSize"/>: 16 MiB.</summary>
    public const ulong DefaultMaxClassSize = 16 * 1024 * 1024;

    /// <summary>Default <see cref="MaxPerClass"/>.</summary>
    public const uint DefaultMaxPerClass = 16;

    /// <summary>What the buffers are for.</summary>
    public GpuBufferPoolKind Kind { get; init; } = GpuBufferPoolKind.Staging;

    /// <summary>Smallest size class (a power of two).</summary>
    public ulong MinClassSize { get; init; } = DefaultMinClassSize;

    /// <summary>Largest size class (a power of two, at least <see cref="MinClassSize"/>).</summary>
    public ulong MaxClassSize { get; init; } = DefaultMaxClassSize;

    /// <summary>Buffers per class at most.</summary>
    public uint MaxPerClass { get; init; } = DefaultMaxPerClass;

    /// <summary>Idle buffers unused for this many frames are destroyed; 0 keeps them.</summary>
    public uint TrimIdleFrames { get; init; }

    /// <summary>For bitstream kinds: the one codec operation the buffers serve, or None for any the device supports.</summary>
    public VideoCodecOperation Operation { get; init; }

    /// <summary>Host-requested offset alignment (a power of two); the video capabilities may raise it.</summary>
    public ulong OffsetAlignment { get; init; } = 1;

    /// <summary>Host-requested size alignment (a power of two); the video capabilities may raise it.</summary>
    public ulong SizeAlignment { get; init; } = 1;

    /// <summary>Label in logs.</summary>
    public string Name { get; init; } = "gpu buffers";
}
