namespace Reel.Vulkan.Benchmarks;

/// <summary>One replay of the trace by one strategy.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="TotalMs">Wall time of the whole replay (resource creation, binding, destruction, memory).</param>
/// <param name="MemoryMs">Time spent obtaining and giving back memory only.</param>
/// <param name="Pairs">Memory obtain/give-back pairs.</param>
/// <param name="DeviceAllocations">vkAllocateMemory calls.</param>
/// <param name="PeakHeld">Most VkDeviceMemory bytes held at once.</param>
/// <param name="PeakRequested">Most bytes the live resources required at once.</param>
/// <param name="MeanFragmentation">Fragmentation averaged over the frames.</param>
internal readonly record struct TraceRun(string Strategy, double TotalMs, double MemoryMs, long Pairs, long DeviceAllocations, ulong PeakHeld, ulong PeakRequested, double MeanFragmentation)
{
    /// <summary>Nanoseconds per obtain/give-back pair.</summary>
    public double NanosecondsPerPair => MemoryMs * 1e6 / Pairs;
}
