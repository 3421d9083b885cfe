using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Memory;

namespace Reel.Pools;

/// <summary>A pool of video frames of one format and size (<c>reel_frame_pool_create</c>).</summary>
public sealed class FramePool : Pool
{
    /// <summary>Default cap: a DPB of 8 references, frames in flight and frames the host holds.</summary>
    public const uint DefaultMax = 16;

    /// <summary>Bytes every frame buffer has after its last plane, so SIMD code may read past the end (dav1d needs 64).</summary>
    public const uint TailPadding = 64;

    private readonly SlotPool[] _slotPools;

    private FramePool(ReelContext context, string name, FrameLayout layout, PoolConfig config)
        : base(context, name, PoolKind.Frame)
    {
        Layout = layout;
        // Plane offsets are multiples of the stride alignment, so aligning the buffer to it
        // (and to at least a cache line) aligns every plane.
        nuint alignment = System.Math.Max(64u, layout.StrideAlign);
        _slotPools = [new SlotPool(context, name, (nuint)(layout.Size + TailPadding), alignment, config, MemoryCategory.Frame)];
        ServeFixedSize(_slotPools[0], (nuint)layout.Size);
    }

    /// <summary>The plane layout every frame of the pool has.</summary>
    public FrameLayout Layout { get; }

    /// <inheritdoc/>
    public override SlotPool[] SlotPools => _slotPools;

    /// <summary>Creates, registers and preallocates a frame pool.</summary>
    public static ReelResult Create(ReelContext context, string? name, FrameLayout layout, PoolConfig config, string function, out FramePool? pool)
    {
        var created = new FramePool(context, LabelOf(name, PoolKind.Frame), layout, config);
        ReelResult result = created.Register(function);
        pool = result == ReelResult.Success ? created : null;
        return result;
    }
}
