using Silk.NET.Vulkan;

namespace Reel.Vulkan.Memory;

/// <summary>
/// The VkMappedMemoryRange for flushing or invalidating part of an allocation in non-coherent
/// memory: offset rounded down and end rounded up to nonCoherentAtomSize, the end clamped to
/// the memory's size (a range ending there need not be a multiple of the atom).
/// </summary>
internal static class MappedRange
{
    /// <summary>The aligned range covering bytes [start, start + length) of memory of <paramref name="memorySize"/> bytes.</summary>
    public static (ulong Offset, ulong Size) Align(ulong start, ulong length, ulong atom, ulong memorySize)
    {
        ulong offset = start / atom * atom;
        ulong end = (start + length + atom - 1) / atom * atom;
        if (end > memorySize)
            end = memorySize;
        return (offset, end - offset);
    }

    /// <summary>The VkMappedMemoryRange for <paramref name="memory"/> and an aligned range.</summary>
    public static MappedMemoryRange Describe(DeviceMemory memory, (ulong Offset, ulong Size) range) => new()
    {
        SType = StructureType.MappedMemoryRange,
        Memory = memory,
        Offset = range.Offset,
        Size = range.Size,
    };
}
