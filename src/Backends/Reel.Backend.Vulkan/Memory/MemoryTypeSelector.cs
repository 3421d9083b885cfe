using System.Collections.Generic;
using System.Numerics;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// Chooses memory types for a usage. Each usage has flags a type must have, flags it should
/// have and flags it should not; the candidates allowed by a resource's memoryTypeBits are
/// ordered best first (most wanted flags, fewest unwanted, then the driver's order), so the
/// allocator can fall back to the next one when a heap is full.
/// </summary>
internal static class MemoryTypeSelector
{
    private const MemoryPropertyFlags DeviceLocal = MemoryPropertyFlags.DeviceLocalBit;
    private const MemoryPropertyFlags HostVisible = MemoryPropertyFlags.HostVisibleBit;
    private const MemoryPropertyFlags HostCoherent = MemoryPropertyFlags.HostCoherentBit;
    private const MemoryPropertyFlags HostCached = MemoryPropertyFlags.HostCachedBit;

    /// <summary>Types Reel never uses: protected memory and lazily allocated (transient attachment) memory.</summary>
    private const MemoryPropertyFlags Excluded = MemoryPropertyFlags.ProtectedBit
        | MemoryPropertyFlags.LazilyAllocatedBit;

    /// <summary>Flags a type must have for <paramref name="usage"/>.</summary>
    public static MemoryPropertyFlags Required(GpuMemoryUsage usage) => usage == GpuMemoryUsage.DeviceLocal ? 0 : HostVisible;

    /// <summary>
    /// The types allowed by <paramref name="typeBits"/> that can serve <paramref name="usage"/>,
    /// best first; empty when none can.
    /// </summary>
    public static List<uint> Candidates(in PhysicalDeviceMemoryProperties memory, uint typeBits, GpuMemoryUsage usage)
    {
        (MemoryPropertyFlags wanted, MemoryPropertyFlags unwanted) = usage switch
        {
            // Pure VRAM first: host-visible device memory (ReBAR) is scarce and better left to uploads.
            GpuMemoryUsage.DeviceLocal => (DeviceLocal, HostVisible | HostCached),
            // Written sequentially by the CPU: coherent, write-combined (uncached).
            GpuMemoryUsage.Upload => (HostCoherent, HostCached),
            // Read by the CPU: cached reads are an order of magnitude faster than uncached ones.
            _ => (HostCached | HostCoherent, (MemoryPropertyFlags)0),
        };
        MemoryPropertyFlags required = Required(usage);
        var candidates = new List<(uint Index, int Score)>();
        for (uint i = 0; i < memory.MemoryTypeCount; i++)
        {
            MemoryPropertyFlags flags = memory.MemoryTypes[(int)i].PropertyFlags;
            if ((typeBits & (1u << (int)i)) == 0 || (flags & required) != required || (flags & Excluded) != 0)
                continue;
            int score = 2 * BitOperations.PopCount((uint)(flags & wanted)) - BitOperations.PopCount((uint)(flags & unwanted));
            candidates.Add((i, score));
        }
        // Stable: equal scores keep the driver's order, which lists faster types first.
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return candidates.ConvertAll(c => c.Index);
    }

    /// <summary>Whether memory of the type is host-visible.</summary>
    public static bool IsHostVisible(MemoryPropertyFlags flags) => (flags & HostVisible) != 0;

    /// <summary>Whether host writes and reads of the type need no flush or invalidate.</summary>
    public static bool IsHostCoherent(MemoryPropertyFlags flags) => (flags & HostCoherent) != 0;
}
