using Reel.Abi;
using Reel.Errors;
using Reel.Memory;
using Reel.Time;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>Reel's <see cref="GpuAllocator"/>: 64 MiB blocks, best fit, dedicated memory above 32 MiB, empty blocks kept 120 frames.</summary>
internal sealed class SuballocatorStrategy : ResourceStrategy
{
    private readonly GpuAllocator _allocator;
    private readonly FrameClock _clock = new();
    private readonly GpuAllocation?[] _allocations;

    public SuballocatorStrategy(VulkanDevice device, int resources)
        : base(device, resources)
    {
        _allocator = new GpuAllocator(device, new GpuAllocatorOptions(), new MemoryAccounting(), _clock, Logging.Logger.Silent);
        _allocations = new GpuAllocation?[resources];
    }

    public override string Name => "Reel suballocator";

    public override long DeviceAllocations => _allocator.GetStats().DeviceAllocations;

    public override ulong BytesHeld => _allocator.DeviceBytes;

    public override double Fragmentation => _allocator.GetStats().Fragmentation;

    public override void EndFrame()
    {
        base.EndFrame();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        _allocator.Trim(_clock.Advance(0));
        AddMemoryTicks(System.Diagnostics.Stopwatch.GetTimestamp() - start);
    }

    public override void Dispose() => _allocator.Dispose();

    protected override (DeviceMemory Memory, ulong Offset) Obtain(int id, in ResourceShape shape, in MemoryRequirements requirements)
    {
        var request = new AllocationRequest(requirements.Size, requirements.Alignment, requirements.MemoryTypeBits, shape.Memory,
            shape.IsImage ? ResourceKind.Optimal : ResourceKind.Linear, shape.Category);
        if (_allocator.Allocate(request, "benchmark", out GpuAllocation? allocation) != ReelResult.Success)
            throw new System.InvalidOperationException(LastError.Message);
        _allocations[id] = allocation;
        return (allocation!.Memory, allocation.Offset);
    }

    protected override void GiveBack(int id)
    {
        _allocator.Free(_allocations[id]!);
        _allocations[id] = null;
    }
}
